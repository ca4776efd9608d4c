package org.entente.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One public signing key of a member (X.509 SubjectPublicKeyInfo bytes), valid from {@code validFrom}
 * until {@code validUntil} (null while current). {@code keyId} is its fingerprint.
 */
public record MemberKey(String keyId, byte[] publicKey, Instant validFrom, Instant validUntil) {
    public MemberKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(validFrom, "validFrom");
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberKey k && keyId.equals(k.keyId) && java.util.Arrays.equals(publicKey, k.publicKey)
                && validFrom.equals(k.validFrom) && Objects.equals(validUntil, k.validUntil);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }
}
