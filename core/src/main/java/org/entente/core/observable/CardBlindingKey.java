package org.entente.core.observable;

import java.util.Arrays;

/**
 * The secret key payment-card numbers are blinded with (HMAC-SHA-256). Members who must match each
 * other's cards share one key, e.g. per community; without the key a blinded card cannot be tested
 * against guessed numbers. At least 32 bytes, as RFC 2104 §3 advises a key no shorter than the hash output.
 */
public final class CardBlindingKey {
    static final int MIN_LENGTH = 32;

    private final byte[] bytes;

    private CardBlindingKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static CardBlindingKey of(byte[] bytes) {
        if (bytes.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a card blinding key has at least " + MIN_LENGTH + " bytes, not " + bytes.length);
        }
        return new CardBlindingKey(bytes.clone());
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardBlindingKey other && java.security.MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "CardBlindingKey[" + bytes.length + " bytes]";
    }
}
