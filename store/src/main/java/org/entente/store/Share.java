package org.entente.store;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.policy.SharingLabels;

/**
 * One sharing of one object version, under the labels its origin set, by the envelope that carried it.
 * A version shared several times (say, to a second community later) has several shares; a member may see
 * the version when any of them allows it.
 */
public record Share(String objectId, Instant version, String envelopeId, SharingLabels labels) {
    public Share {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(labels, "labels");
    }

    /** The share of an object's own version (modified, else created; none for most cyber-observables). */
    public static Share of(org.entente.core.stix.StixObject object, String envelopeId, SharingLabels labels) {
        return new Share(object.id(), object.version().map(org.entente.core.stix.StixTimestamp::instant).orElse(null),
                envelopeId, labels);
    }
}
