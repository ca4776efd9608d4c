package org.entente.core.policy;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.core.stix.UuidV5;

/**
 * A member's global identifier, the same on every node: the STIX identity id
 * {@code identity--<UUIDv5(namespace, public key)>} derived from the member's Ed25519 public key. Anyone
 * holding the key can check the binding, no node has to hand out numbers, and the id can be used as a
 * STIX {@code created_by_ref} as it is.
 */
public record MemberId(String value) implements Comparable<MemberId> {
    /** The namespace of member ids, fixed for Entente. */
    static final UUID NAMESPACE = UUID.fromString("6c1fb3a2-0e57-4b4e-9d8e-3c9a1f2b7d40");
    private static final Pattern FORMAT =
            Pattern.compile("identity--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    public MemberId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a member id is identity--<UUIDv5>, not '" + value + "'");
        }
    }

    /** Whether {@code value} has a member id's form (any identity id does not: a member's is a version 5 UUID). */
    public static boolean isMemberId(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The id bound to a public key (its X.509 SubjectPublicKeyInfo encoding). */
    public static MemberId ofPublicKey(byte[] encodedPublicKey) {
        return new MemberId("identity--" + UuidV5.of(NAMESPACE, encodedPublicKey));
    }

    /** Whether this id is the one bound to the key. */
    public boolean isBoundTo(byte[] encodedPublicKey) {
        return equals(ofPublicKey(encodedPublicKey));
    }

    @Override
    public int compareTo(MemberId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
