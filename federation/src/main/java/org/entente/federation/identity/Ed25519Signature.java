package org.entente.federation.identity;

import java.util.Arrays;

/** An Ed25519 signature: 64 bytes, R then S (RFC 8032 section 5.1.6). */
public record Ed25519Signature(byte[] bytes) {
    public static final int LENGTH = 64;

    public Ed25519Signature {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519Signature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519Signature[" + java.util.HexFormat.of().formatHex(bytes, 0, 8) + "…]";
    }
}
