package org.entente.store.jdbc;

import java.time.Instant;

/**
 * Instants are stored as microseconds since the epoch: exact, ordered and the same in both dialects.
 * Finer digits of an object's version are dropped, on writes and on queries alike.
 */
final class EpochMicros {
    private EpochMicros() {}

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant toInstant(long micros) {
        return Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L))
                .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
