package org.entente.core.stix;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A STIX timestamp: RFC 3339, always UTC with a literal {@code Z}, any sub-second precision (STIX 2.1
 * section 3.2). The text is kept as written because precision is part of the data; equality and order
 * follow the instant, so {@code 08:17:27Z} and {@code 08:17:27.000Z} are the same version.
 */
public record StixTimestamp(Instant instant, String text) implements Comparable<StixTimestamp> {
    // Section 3.2: "YYYY-MM-DDTHH:mm:ss[.s+]Z", uppercase T and Z, no offsets.
    private static final Pattern FORMAT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    public StixTimestamp {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(text, "text");
    }

    /** Parses STIX timestamp text, or empty when it is not one. */
    public static Optional<StixTimestamp> tryParse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StixTimestamp(Instant.parse(text), text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static StixTimestamp parse(String text) {
        return tryParse(text).orElseThrow(
                () -> new IllegalArgumentException("not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z): " + text));
    }

    /** Formats an instant with millisecond precision, as STIX requires for created and modified. */
    public static StixTimestamp ofMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String s = truncated.toString();
        // Instant.toString drops zero fractions; STIX created/modified must show milliseconds.
        if (!s.contains(".")) {
            s = s.substring(0, s.length() - 1) + ".000Z";
        }
        return new StixTimestamp(truncated, s);
    }

    /** Digits after the decimal point in the text (0 when there is none). */
    public int fractionDigits() {
        int dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length() - dot - 2;
    }

    @Override
    public int compareTo(StixTimestamp other) {
        return instant.compareTo(other.instant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StixTimestamp other && instant.equals(other.instant);
    }

    @Override
    public int hashCode() {
        return instant.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
