package org.entente.store;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.policy.MemberId;

/**
 * An object as the correlation index knows it: id, type, the newest indexed version (null for an object
 * without one, as in {@link NewVersion}) whose shares decide who may see it, and the member it comes from.
 */
public record IndexedObject(String id, String type, Instant version, MemberId origin) {
    public IndexedObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
    }

    /** The version whose shares decide who may see the object. */
    public ShareStore.VersionRef versionRef() {
        return new ShareStore.VersionRef(id, version);
    }
}
