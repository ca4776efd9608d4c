package org.entente.federation.envelope;

import java.util.Arrays;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An envelope exactly as it arrived, byte for byte: what the audit log keeps, so that anyone can later
 * check the signature against what was really received rather than against a re-encoding of it.
 */
public final class RawEnvelope {
    private final byte[] bytes;

    private RawEnvelope(byte[] bytes) {
        this.bytes = bytes;
    }

    public static RawEnvelope of(byte[] bytes) {
        return new RawEnvelope(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** SHA-256 of the bytes in hex, for audit entries that refer to the envelope. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawEnvelope other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawEnvelope[" + bytes.length + " bytes]";
    }
}
