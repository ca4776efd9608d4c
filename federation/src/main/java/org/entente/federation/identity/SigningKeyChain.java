package org.entente.federation.identity;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.policy.MemberId;

/**
 * All signing keys a member has had, from the first, which its {@link MemberId} is derived from, to the
 * current one, each later key bound by a {@link KeyRotation} signed with the key before it. An instance
 * is always verified: the constructor refuses a chain that does not hold together, so holding one means
 * every key in it speaks for the member during its period.
 */
public final class SigningKeyChain {
    private final PublicKey firstKey;
    private final Instant firstValidFrom;
    private final List<KeyRotation> rotations;
    private final MemberId member;
    private final List<ChainedKey> keys;

    private SigningKeyChain(PublicKey firstKey, Instant firstValidFrom, List<KeyRotation> rotations) {
        this.firstKey = Objects.requireNonNull(firstKey, "firstKey");
        this.firstValidFrom = firstValidFrom.truncatedTo(ChronoUnit.MILLIS);
        this.rotations = List.copyOf(rotations);
        this.member = MemberId.ofPublicKey(firstKey.getEncoded());
        this.keys = verifiedKeys();
    }

    /** A new member's chain: one key, current from {@code validFrom}. */
    public static SigningKeyChain start(PublicKey firstKey, Instant validFrom) {
        return new SigningKeyChain(firstKey, validFrom, List.of());
    }

    /** Rebuilds a chain that was stored or received, verifying every rotation. */
    public static SigningKeyChain of(PublicKey firstKey, Instant firstValidFrom, List<KeyRotation> rotations) {
        return new SigningKeyChain(firstKey, firstValidFrom, rotations);
    }

    /** The chain with {@code nextKey} current from {@code at}, certified by the current key's private half. */
    public SigningKeyChain rotate(PrivateKey currentPrivate, PublicKey nextKey, Instant at) {
        ChainedKey current = current();
        if (!Ed25519.matches(currentPrivate, current.key())) {
            throw new IllegalArgumentException("the private key is not the current signing key " + current.id());
        }
        List<KeyRotation> next = new ArrayList<>(rotations);
        next.add(KeyRotation.sign(member, current.id(), currentPrivate, nextKey, at));
        return new SigningKeyChain(firstKey, firstValidFrom, next);
    }

    public MemberId member() {
        return member;
    }

    public PublicKey firstKey() {
        return firstKey;
    }

    public Instant firstValidFrom() {
        return firstValidFrom;
    }

    public List<KeyRotation> rotations() {
        return rotations;
    }

    /** Every key, oldest first, with its period. */
    public List<ChainedKey> keys() {
        return keys;
    }

    public ChainedKey current() {
        return keys.getLast();
    }

    public Optional<ChainedKey> key(KeyId id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * Whether this chain is {@code earlier} with zero or more rotations added. A pinned chain may only
     * grow this way: a chain that forks from the pinned one means two holders of one key disagree, which
     * is what a stolen key looks like.
     */
    public boolean extendsChain(SigningKeyChain earlier) {
        return member.equals(earlier.member)
                && firstValidFrom.equals(earlier.firstValidFrom)
                && rotations.size() >= earlier.rotations.size()
                && rotations.subList(0, earlier.rotations.size()).equals(earlier.rotations);
    }

    private List<ChainedKey> verifiedKeys() {
        List<ChainedKey> verified = new ArrayList<>();
        ChainedKey previous = new ChainedKey(KeyId.of(firstKey), firstKey, firstValidFrom, Optional.empty());
        verified.add(previous);
        for (int i = 0; i < rotations.size(); i++) {
            KeyRotation r = rotations.get(i);
            String which = "rotation " + (i + 1) + " of " + member;
            if (!r.member().equals(member)) throw new InvalidKeyChainException(which + " is for another member, " + r.member());
            if (!r.previousKey().equals(previous.id())) {
                throw new InvalidKeyChainException(which + " hands over from " + r.previousKey() + ", not from the current key " + previous.id());
            }
            if (!r.validFrom().isAfter(previous.validFrom())) {
                throw new InvalidKeyChainException(which + " takes effect at " + r.validFrom() + ", not after the key it replaces");
            }
            KeyId nextId = KeyId.of(r.nextKey());
            if (verified.stream().anyMatch(k -> k.id().equals(nextId))) {
                throw new InvalidKeyChainException(which + " brings back key " + nextId + ", which the chain already had");
            }
            if (!r.isSignedBy(previous.key())) {
                throw new InvalidKeyChainException(which + " is not signed by the key it replaces, " + previous.id());
            }
            verified.set(verified.size() - 1, previous.retiredAt(r.validFrom()));
            previous = new ChainedKey(nextId, r.nextKey(), r.validFrom(), Optional.empty());
            verified.add(previous);
        }
        return List.copyOf(verified);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKeyChain other && member.equals(other.member)
                && firstValidFrom.equals(other.firstValidFrom) && rotations.equals(other.rotations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(member, firstValidFrom, rotations);
    }

    @Override
    public String toString() {
        return "SigningKeyChain[" + member + ", " + keys.size() + " key(s), current " + current().id() + "]";
    }
}
