package org.entente.federation.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a public key's X.509 SubjectPublicKeyInfo encoding or of a DER certificate, in
 * lowercase hex: what an operator reads out over the phone and passes to {@code peer add --fingerprint}.
 * Hex rather than base64url because it survives being read aloud, and it matches what
 * {@code openssl x509 -fingerprint -sha256} prints once the colons are dropped.
 */
public record Fingerprint(String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Fingerprint {
        Objects.requireNonNull(hex, "hex");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a fingerprint is 64 lowercase hex digits (SHA-256), not '" + hex + "'");
        }
    }

    public static Fingerprint sha256(byte[] encoded) {
        try {
            return new Fingerprint(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** Reads what an operator typed: upper or lower case, with or without colons (OpenSSL's form). */
    public static Fingerprint parse(String text) {
        return new Fingerprint(text.strip().replace(":", "").toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return hex;
    }
}
