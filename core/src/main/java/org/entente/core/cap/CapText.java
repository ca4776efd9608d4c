package org.entente.core.cap;

import java.util.List;

/** The checks the CAP 1.2 records share; a failure names the element. */
final class CapText {
    private CapText() {}

    static String require(String value, String element) {
        if (value == null || value.isBlank()) throw new InvalidCapException("<" + element + "> is required");
        return value;
    }

    static <T> T require(T value, String element) {
        if (value == null) throw new InvalidCapException("<" + element + "> is required");
        return value;
    }

    /**
     * Identifiers and senders (CAP 1.2 section 3.2.1): "MUST NOT include spaces, commas or restricted
     * characters (&lt; and &amp;)", because {@code references} joins them with commas and spaces.
     */
    static String token(String value, String element) {
        require(value, element);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == '<' || c == '&') {
                throw new InvalidCapException("<" + element + "> must not contain spaces, commas, '<' or '&': '" + value + "'");
            }
        }
        return value;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
