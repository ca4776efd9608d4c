package org.entente.federation.envelope;

import java.time.Duration;
import java.time.Instant;

/**
 * How far an envelope's {@code created} may lie from the receiver's clock, either way. The window bounds
 * how long the seen-set must remember an id: an envelope older than the window is refused by time, so
 * its id can be forgotten. Senders re-sign on every delivery attempt, so a retry after an outage of hours
 * is a fresh envelope, not a stale one.
 */
public record ReplayWindow(Duration tolerance) {
    public static final ReplayWindow TEN_MINUTES = new ReplayWindow(Duration.ofMinutes(10));

    public ReplayWindow {
        if (tolerance.isNegative() || tolerance.isZero()) throw new IllegalArgumentException("the window must be positive");
    }

    public boolean contains(Instant created, Instant now) {
        return !created.isBefore(now.minus(tolerance)) && !created.isAfter(now.plus(tolerance));
    }

    /** Until when an id created at {@code created} must be remembered; after that the window refuses it. */
    public Instant rememberUntil(Instant created) {
        return created.plus(tolerance);
    }
}
