package org.entente.federation.identity;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.codec.Base64Url;

/**
 * A rotation statement: "member M's key {@code previousKey} hands over to {@code nextKey} from
 * {@code validFrom}", signed with the previous key. A member id is derived from the member's first key
 * only, so a later key is bound to the id by the unbroken run of such statements back to that first key:
 * whoever can verify the first statement with the first key, the second with the second, and so on,
 * knows the last key speaks for the member, without trusting any node's word for it.
 */
public record KeyRotation(MemberId member, KeyId previousKey, PublicKey nextKey, Instant validFrom, Ed25519Signature signature) {
    /** Separates these signatures from envelope signatures made with the same key. */
    public static final String TYPE = "entente-key-rotation";

    public KeyRotation {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(previousKey, "previousKey");
        Objects.requireNonNull(nextKey, "nextKey");
        Objects.requireNonNull(signature, "signature");
        if (!validFrom.equals(validFrom.truncatedTo(ChronoUnit.MILLIS))) {
            throw new IllegalArgumentException("validFrom has millisecond precision, as it is written");
        }
    }

    /** Signs the hand-over from the key pair ({@code previousPrivate}, {@code previousKey}) to {@code nextKey}. */
    public static KeyRotation sign(MemberId member, KeyId previousKey, PrivateKey previousPrivate, PublicKey nextKey, Instant validFrom) {
        Instant from = validFrom.truncatedTo(ChronoUnit.MILLIS);
        Ed25519Signature signature = Ed25519.sign(previousPrivate, signedContent(member, previousKey, nextKey, from));
        return new KeyRotation(member, previousKey, nextKey, from, signature);
    }

    public boolean isSignedBy(PublicKey previous) {
        return Ed25519.verify(previous, signedContent(member, previousKey, nextKey, validFrom), signature);
    }

    /** The bytes signed: RFC 8785 canonical JSON of the statement, so any implementation can rebuild them. */
    static byte[] signedContent(MemberId member, KeyId previousKey, PublicKey nextKey, Instant validFrom) {
        return StixJson.canonical(StixJson.object(
                "type", TYPE,
                "member", member.value(),
                "previous_key", previousKey.toString(),
                "next_key", Base64Url.encode(nextKey.getEncoded()),
                "valid_from", StixTimestamp.ofMillis(validFrom).text()));
    }
}
