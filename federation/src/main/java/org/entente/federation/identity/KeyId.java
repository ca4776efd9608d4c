package org.entente.federation.identity;

import java.security.PublicKey;
import java.util.Objects;

/**
 * Names one signing key: the fingerprint of its public key. An envelope carries the id of the key that
 * signed it, so a receiver can pick the right key of a member that has rotated.
 */
public record KeyId(Fingerprint fingerprint) {
    public KeyId {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static KeyId of(PublicKey key) {
        return new KeyId(Fingerprint.sha256(key.getEncoded()));
    }

    public static KeyId parse(String hex) {
        return new KeyId(new Fingerprint(hex));
    }

    @Override
    public String toString() {
        return fingerprint.hex();
    }
}
