package org.entente.core.pattern.ast;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conversions between byte strings and text used by binary comparisons. STIX 2.1 section 9.3 compares a string
 * with binary data only when every code point of the string is below 256, each code point standing for one byte
 * (ISO-8859-1); otherwise the comparison is false.
 */
public final class BinaryText {
    private static final Pattern BASE64 = Pattern.compile(
            "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private BinaryText() {}

    /** Base64 with the standard alphabet and the padding the pattern grammar requires. */
    public static boolean isStrictBase64(String text) {
        return BASE64.matcher(text).matches();
    }

    /** The bytes a string stands for, or empty when a code point is 256 or above. */
    public static Optional<byte[]> latin1Bytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) return Optional.empty();
        }
        return Optional.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Each byte as one character U+0000..U+00FF, so text tools (regular expressions) can run over bytes. */
    public static String latin1Text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
