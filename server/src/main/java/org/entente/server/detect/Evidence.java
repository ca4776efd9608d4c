package org.entente.server.detect;

import java.util.Objects;
import org.entente.core.policy.Member;
import org.entente.core.policy.SharingLabels;

/**
 * One object behind a detection: its STIX id (an indicator, a sighting, observed-data), the member that
 * contributed it (its origin, with the country it is in) and its sharing labels, which decide who may
 * learn of it.
 */
public record Evidence(String objectId, Member member, SharingLabels labels) {
    public Evidence {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(labels, "labels");
        if (!labels.origin().equals(member.id())) {
            throw new IllegalArgumentException("evidence " + objectId + " is contributed by " + member.id()
                    + " but its labels name origin " + labels.origin());
        }
    }
}
