package org.entente.federation.envelope;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.entente.core.policy.Distribution;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.federation.envelope.codec.EnvelopeJson;
import org.entente.federation.identity.Ed25519;
import org.entente.federation.identity.Ed25519Signature;
import org.entente.federation.identity.NodeIdentity;

/**
 * Seals a batch of objects for sending: stamps it with a fresh id, nonce and creation time, the node's
 * member as origin and its current key as sender, and signs it. Sign at every delivery attempt: a
 * signed envelope is good only within the receivers' replay window.
 */
public final class EnvelopeSigner {
    private final NodeIdentity identity;
    private final Clock clock;
    private final SecureRandom random;

    public EnvelopeSigner(NodeIdentity identity, Clock clock, SecureRandom random) {
        this.identity = identity;
        this.clock = clock;
        this.random = random;
    }

    public SignedEnvelope sign(Distribution audience, EnvelopeMarkings markings, List<StixObject> objects) {
        Envelope envelope = new Envelope(EnvelopeId.random(), StixTimestamp.ofMillis(clock.instant()), Nonce.random(random),
                identity.member(), identity.currentKeyId(), audience, markings, objects);
        return sign(envelope);
    }

    /** Signs an envelope already built; its origin and sender key must be this node's. */
    public SignedEnvelope sign(Envelope envelope) {
        if (!envelope.origin().equals(identity.member()) || !envelope.senderKey().equals(identity.currentKeyId())) {
            throw new IllegalArgumentException("this node signs only as " + identity.member() + " with key " + identity.currentKeyId());
        }
        byte[] content = EnvelopeJson.signedContent(envelope);
        Ed25519Signature signature = Ed25519.sign(identity.signingKey(), content);
        return new SignedEnvelope(envelope, signature, RawEnvelope.of(EnvelopeJson.withSignature(content, signature)));
    }
}
