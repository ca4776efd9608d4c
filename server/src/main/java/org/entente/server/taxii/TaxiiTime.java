package org.entente.server.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.entente.core.stix.StixTimestamp;

/**
 * Timestamps in TAXII bodies and headers. {@code date_added} is shown with microseconds, the precision
 * at which the store orders additions, so a client that sends it back as {@code added_after} never
 * skips or repeats an object.
 */
final class TaxiiTime {
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TaxiiTime() {}

    static String dateAdded(Instant instant) {
        return MICROS.format(instant);
    }

    /** A version timestamp; STIX versions carry at least millisecond precision (STIX 2.1 section 3.2). */
    static String version(Instant instant) {
        if (instant.getNano() % 1_000_000 == 0) return MILLIS.format(instant);
        if (instant.getNano() % 1_000 == 0) return MICROS.format(instant);
        return instant.toString();
    }

    static Instant parse(String parameter, String text) {
        return StixTimestamp.tryParse(text)
                .map(StixTimestamp::instant)
                .orElseThrow(() -> TaxiiException.badRequest(
                        parameter + " must be a timestamp like 2016-01-01T00:00:00.000Z, not '" + text + "'"));
    }
}
