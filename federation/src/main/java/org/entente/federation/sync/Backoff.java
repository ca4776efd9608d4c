package org.entente.federation.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: doubling from one second up to five minutes, with jitter so that
 * many nodes coming back from the same outage do not knock at once; an hour after a refusal, which only an
 * operator can mend.
 */
public record Backoff(Duration first, Duration max, Duration afterRefusal) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));

    public Duration after(int attempts, DeliveryResult.Kind kind) {
        if (kind == DeliveryResult.Kind.REJECTED) return afterRefusal;
        long base = first.toMillis() << Math.min(attempts, 20);
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
