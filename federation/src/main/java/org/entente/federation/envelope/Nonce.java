package org.entente.federation.envelope;

import java.security.SecureRandom;
import java.util.Objects;
import org.entente.federation.codec.Base64Url;
import org.entente.federation.codec.JsonFieldException;

/**
 * 16 random bytes in base64url, signed with the envelope. The id already makes an envelope unique, but
 * ids are also written into logs and the seen-set; the nonce makes two envelopes that carry the same
 * objects at the same millisecond differ in what is signed even if an id generator ever repeats.
 */
public record Nonce(String value) {
    public static final int MIN_BYTES = 16;
    public static final int MAX_BYTES = 64;

    public Nonce {
        Objects.requireNonNull(value, "value");
        int length;
        try {
            length = Base64Url.decode(value, "nonce").length;
        } catch (JsonFieldException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (length < MIN_BYTES || length > MAX_BYTES) {
            throw new IllegalArgumentException("a nonce is " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + length);
        }
    }

    public static Nonce random(SecureRandom random) {
        byte[] bytes = new byte[MIN_BYTES];
        random.nextBytes(bytes);
        return new Nonce(Base64Url.encode(bytes));
    }
}
