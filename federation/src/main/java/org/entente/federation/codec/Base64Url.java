package org.entente.federation.codec;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Base64url without padding (RFC 4648 section 5), read strictly: one text per byte string. The JDK
 * decoder also accepts padding and ignores non-zero trailing bits, so two different texts could carry
 * the same bytes; federation documents must not have two spellings of one value.
 */
public final class Base64Url {
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes {@code text}, or fails naming {@code field}. */
    public static byte[] decode(String text, String field) {
        if (!ALPHABET.matcher(text).matches() || text.length() % 4 == 1) {
            throw new JsonFieldException(field, "is not base64url without padding");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!encode(bytes).equals(text)) {
            throw new JsonFieldException(field, "is not canonical base64url (non-zero trailing bits)");
        }
        return bytes;
    }
}
