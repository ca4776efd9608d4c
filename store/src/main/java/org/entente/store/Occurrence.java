package org.entente.store;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;

/** An object that carries an observable, the member that saw it there, and when it was last seen. */
public record Occurrence(Observable observable, String objectId, MemberId member, Instant seen) {
    public Occurrence {
        Objects.requireNonNull(observable, "observable");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(seen, "seen");
    }
}
