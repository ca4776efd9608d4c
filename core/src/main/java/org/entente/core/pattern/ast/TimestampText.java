package org.entente.core.pattern.ast;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp form of STIX patterns and observed-data: {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, upper case
 * {@code T} and {@code Z}, UTC only (STIX 2.1 sections 3.2 and 9.3). Two levels of checking, because the pattern
 * grammar bounds each field (month 01-12, day 01-31, second 00-60) but does not know month lengths.
 */
public final class TimestampText {
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d|60)(?:\\.(\\d+))?Z");

    private TimestampText() {}

    /** True when the text has the grammar's form and field ranges. */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /**
     * The instant the text names. Fractions beyond nanoseconds are cut off (Java's resolution). A leap second
     * (:60) and impossible calendar dates are rejected with {@link IllegalArgumentException}.
     */
    public static Instant toInstant(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z): " + text);
        }
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
        try {
            return LocalDateTime.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                            nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date and time that exists: " + text, e);
        }
    }
}
