package org.entente.core.pattern.engine;

import java.time.Instant;

/**
 * Instants as microseconds since the epoch, the resolution validity is compared at (STIX timestamps in
 * practice carry milliseconds). Instants beyond what a long holds in microseconds (about ±292,000 years) are
 * clamped, which keeps their order against every real timestamp.
 */
final class Micros {
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000 - 1;

    private Micros() {}

    static long of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_SECONDS) return Long.MAX_VALUE - 1;
        if (seconds < -MAX_SECONDS) return Long.MIN_VALUE + 1;
        return seconds * 1_000_000 + instant.getNano() / 1_000;
    }
}
