package org.entente.store;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.policy.MemberId;

/**
 * An object that carries the observables of another (a sighting those of the indicator it sights, an
 * observed-data those of its SCOs) which is not indexed yet: once {@code refId} is indexed, its observables
 * count for {@code objectId}, seen by {@code member} at {@code seen}, as they would have had it come first.
 */
public record PendingReference(String objectId, String refId, MemberId member, Instant seen) {
    public PendingReference {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(refId, "refId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(seen, "seen");
    }
}
