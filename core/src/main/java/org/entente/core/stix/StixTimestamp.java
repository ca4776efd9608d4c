package org.entente.core.stix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Objects;
import java.util.Optional;

/**
 * A STIX timestamp: RFC 3339, always UTC with a literal {@code Z}, any sub-second precision (STIX 2.1
 * section 3.2). The text is kept as written because precision is part of the data; equality and order
 * follow the instant, so {@code 08:17:27Z} and {@code 08:17:27.000Z} are the same version.
 */
public record StixTimestamp(Instant instant, String text) implements Comparable<StixTimestamp> {
    /** "YYYY-MM-DDTHH:mm:ss": the fixed-width part before the optional fraction and the Z. */
    private static final int SECONDS_END = 19;
    /** Instant.parse reads at most nanoseconds; a longer fraction is not a timestamp to it. */
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int SECONDS_PER_DAY = 86_400;

    public StixTimestamp {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses STIX timestamp text, or empty when it is not one.
     *
     * <p>Section 3.2: {@code YYYY-MM-DDTHH:mm:ss[.s+]Z}, uppercase T and Z, no offsets. This used to be a
     * regular expression followed by {@link Instant#parse}, a quarter of the validator's time; it is now a
     * scan of the fixed-position digits and arithmetic, accepting exactly what the two did together
     * (SyntaxScannerProperties checks that): impossible dates such as February 30 are rejected, at most nine
     * fraction digits are read, {@code 24:00:00} (with no fraction other than zeros) is midnight of the next
     * day, and the leap second {@code 23:59:60} reads as {@code 23:59:59}.
     */
    public static Optional<StixTimestamp> tryParse(String text) {
        Instant instant = text == null ? null : instantOf(text);
        return instant == null ? Optional.empty() : Optional.of(new StixTimestamp(instant, text));
    }

    /** The instant a STIX timestamp stands for, or null when the text is not one. */
    private static Instant instantOf(String text) {
        if (!hasTimestampLayout(text)) return null;
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fractionDigits = text.length() - 1 - (SECONDS_END + 1);
        if (fractionDigits > MAX_FRACTION_DIGITS) return null;
        int nanos = fractionDigits <= 0 ? 0 : digits(text, SECONDS_END + 1, fractionDigits) * powerOfTen(MAX_FRACTION_DIGITS - fractionDigits);

        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) return null;
        int extraDays = 0;
        if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
            // ISO 8601's end of day, which Instant.parse accepts as midnight of the next day.
            hour = 0;
            extraDays = 1;
        } else if (hour == 23 && minute == 59 && second == 60) {
            // A leap second, which Instant.parse folds into the last ordinary second of the day.
            second = 59;
        }
        if (hour > 23 || minute > 59 || second > 59) return null;
        long epochDay = LocalDate.of(year, month, day).toEpochDay() + extraDays;
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** {@code dddd-dd-ddTdd:dd:dd} then {@code Z} or {@code .d+Z}, with ASCII digits only. */
    private static boolean hasTimestampLayout(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z') return false;
        for (int i = 0; i < SECONDS_END; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> Ascii.isDigit(c);
            };
            if (!ok) return false;
        }
        if (length == SECONDS_END + 1) return true; // no fraction
        // A fraction: a dot and at least one digit before the Z.
        if (text.charAt(SECONDS_END) != '.' || length < SECONDS_END + 3) return false;
        for (int i = SECONDS_END + 1; i < length - 1; i++) {
            if (!Ascii.isDigit(text.charAt(i))) return false;
        }
        return true;
    }

    /** The number written by {@code count} (at most 9) ASCII digits from {@code start}. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int powerOfTen(int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) value *= 10;
        return value;
    }

    /** Days in a month of the proleptic Gregorian calendar, as java.time counts them. */
    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
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
