package org.entente.store;

import java.util.Objects;

/** A stored version and the collection it is stored in, as {@link ObjectStore#versionsAfterSeq} reads it. */
public record VersionInCollection(String collectionId, StoredVersion version) {
    public VersionInCollection {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(version, "version");
    }
}
