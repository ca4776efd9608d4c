package org.entente.core.stix;

/**
 * Character classes of the STIX syntax rules, for the hand-written scanners that replace regular expressions
 * on the validator's hot path. All are ASCII only, as the former patterns were ({@code \d} in Java
 * matches only 0-9 unless asked otherwise).
 */
final class Ascii {
    private Ascii() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLowercaseLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isLowercaseLetterOrDigit(char c) {
        return isLowercaseLetter(c) || isDigit(c);
    }

    /**
     * 0-9, a-f, A-F. Setting bit 0x20 turns exactly A-F into a-f (ASCII upper and lower case differ only in
     * that bit), which keeps the method small enough for the JIT to inline it into every identifier scan.
     */
    static boolean isHexDigit(char c) {
        char lower = (char) (c | 0x20);
        return isDigit(c) || (lower >= 'a' && lower <= 'f');
    }

    /** {@code [a-z0-9-]+}: a non-empty run of lowercase letters, digits and hyphens. */
    static boolean isLowercaseLettersDigitsHyphens(String text) {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLowercaseLetterOrDigit(c) && c != '-') return false;
        }
        return true;
    }

    /**
     * {@code [a-z0-9]+(-[a-z0-9]+)*}: lowercase words of letters and digits joined by single hyphens
     * (no hyphen first, last or twice in a row).
     */
    static boolean isHyphenatedLowercaseWords(String text) {
        return isLowercaseLettersDigitsHyphens(text)
                && text.charAt(0) != '-' && text.charAt(text.length() - 1) != '-' && !text.contains("--");
    }
}
