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
        if (!isTimestamp(text)) return Optional.empty();
        return Optional.of(new StixTimestamp(instantOf(text), text));
    }

    /** True when {@link #tryParse} would accept the text; for rules that need no instant, so none is made. */
    static boolean isTimestamp(String text) {
        if (text == null || !hasTimestampLayout(text) || fractionDigitsOf(text) > MAX_FRACTION_DIGITS) return false;
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) return false;
        return (hour <= 23 && minute <= 59 && second <= 59)
                || isEndOfDay(hour, minute, second, nanosOf(text)) || isLeapSecond(hour, minute, second);
    }

    /** ISO 8601's 24:00:00, which Instant.parse accepts as midnight of the next day. */
    private static boolean isEndOfDay(int hour, int minute, int second, int nanos) {
        return hour == 24 && minute == 0 && second == 0 && nanos == 0;
    }

    /** 23:59:60, which Instant.parse folds into the last ordinary second of the day. */
    private static boolean isLeapSecond(int hour, int minute, int second) {
        return hour == 23 && minute == 59 && second == 60;
    }

    /** The instant of text that {@link #isTimestamp} accepted. */
    private static Instant instantOf(String text) {
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = nanosOf(text);
        int extraDays = 0;
        if (isEndOfDay(hour, minute, second, nanos)) {
            hour = 0;
            extraDays = 1;
        } else if (isLeapSecond(hour, minute, second)) {
            second = 59;
        }
        long epochDay = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)).toEpochDay() + extraDays;
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Digits after the dot of text with the timestamp layout (0 when there is none): {@link #fractionDigits()} without parsing. */
    static int fractionDigitsOf(String text) {
        return text.length() == SECONDS_END + 1 ? 0 : text.length() - 1 - (SECONDS_END + 1);
    }

    /** The fraction of text with the timestamp layout and at most nine fraction digits, in nanoseconds. */
    private static int nanosOf(String text) {
        int count = fractionDigitsOf(text);
        return count == 0 ? 0 : digits(text, SECONDS_END + 1, count) * powerOfTen(MAX_FRACTION_DIGITS - count);
    }

    /** {@code dddd-dd-ddTdd:dd:dd} then {@code Z} or {@code .d+Z}, with ASCII digits only. */
    private static boolean hasTimestampLayout(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z') return false;
        boolean dateAndTime = areDigits(text, 0, 4) && text.charAt(4) == '-' && areDigits(text, 5, 2)
                && text.charAt(7) == '-' && areDigits(text, 8, 2) && text.charAt(10) == 'T'
                && areDigits(text, 11, 2) && text.charAt(13) == ':' && areDigits(text, 14, 2)
                && text.charAt(16) == ':' && areDigits(text, 17, 2);
        if (!dateAndTime) return false;
        if (length == SECONDS_END + 1) return true; // no fraction
        // A fraction: a dot and at least one digit before the Z.
        return text.charAt(SECONDS_END) == '.' && length >= SECONDS_END + 3
                && areDigits(text, SECONDS_END + 1, length - 1 - (SECONDS_END + 1));
    }

    private static boolean areDigits(String text, int start, int count) {
        for (int i = start; i < start + count; i++) {
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
