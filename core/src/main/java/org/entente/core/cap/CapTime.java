package org.entente.core.cap;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * CAP 1.2 date and time values (section 3.3.2): {@code 2002-05-24T16:49:00-07:00}, always with a numeric
 * offset. "Alphabetic timezone designators such as 'Z' MUST NOT be used. The timezone for UTC MUST be
 * represented as '-00:00'."
 */
public final class CapTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private CapTime() {}

    public static String format(OffsetDateTime time) {
        String offset = time.getOffset().equals(ZoneOffset.UTC) ? "-00:00" : time.getOffset().getId();
        return SECONDS.format(time) + offset;
    }

    /** Parses a CAP time; the message names the element. */
    public static OffsetDateTime parse(String text, String element) {
        String value = text.strip();
        if (value.endsWith("Z") || value.endsWith("z")) {
            throw new InvalidCapException("<" + element + "> must give its time zone as an offset such as -00:00, not 'Z' (CAP 1.2 section 3.3.2): '" + value + "'");
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value);
            if (time.getNano() != 0) throw new InvalidCapException("<" + element + "> has fractional seconds, which CAP 1.2 does not allow: '" + value + "'");
            return time;
        } catch (DateTimeParseException e) {
            throw new InvalidCapException("<" + element + "> is not a CAP date and time such as 2002-05-24T16:49:00-07:00: '" + value + "'");
        }
    }

    /** The instant in the form CAP carries: whole seconds, UTC. */
    public static OffsetDateTime of(java.time.Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
    }
}
