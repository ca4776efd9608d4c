package org.entente.store;

import java.time.Instant;

/**
 * How far delivery to one peer has come: entries still pending, when the oldest of them was enqueued
 * (null when none: the lag is zero), when the last delivery succeeded, and the last error if the most
 * recent attempt failed.
 */
public record OutboxState(long pending, Instant oldestPending, Instant lastDelivered, String lastError) {
    /** How long the oldest pending entry has waited at {@code now}; zero when nothing waits. */
    public java.time.Duration lag(Instant now) {
        if (oldestPending == null || now.isBefore(oldestPending)) return java.time.Duration.ZERO;
        return java.time.Duration.between(oldestPending, now);
    }
}
