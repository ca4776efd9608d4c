package org.entente.federation.envelope;

import java.util.List;
import java.util.Objects;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.federation.identity.KeyId;

/**
 * What crosses between nodes, apart from its signature: a batch of STIX objects with the audience and
 * markings their origin gave them, who the origin is and which of its keys signed, when, and an id and
 * nonce that make the envelope unique.
 */
public record Envelope(
        EnvelopeId id, StixTimestamp created, Nonce nonce, MemberId origin, KeyId senderKey,
        Distribution audience, EnvelopeMarkings markings, List<StixObject> objects) {
    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(markings, "markings");
        objects = List.copyOf(objects);
        if (objects.isEmpty()) throw new IllegalArgumentException("an envelope carries at least one object");
    }

    /** The labels the sharing policy decides on, the same for every object in the envelope. */
    public SharingLabels labels() {
        return new SharingLabels(origin, audience, markings.tlp(), markings.domain(),
                markings.handlingCode(), markings.grading());
    }
}
