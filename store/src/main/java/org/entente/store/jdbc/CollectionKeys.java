package org.entente.store.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Maps a collection id to its internal key. Collections are never deleted or renamed, so a key once
 * found stays valid and is remembered.
 */
final class CollectionKeys {
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    /** The key of the collection; {@link IllegalArgumentException} naming it when there is none. */
    long require(Handle handle, String collectionId) {
        Long key = known.get(collectionId);
        if (key != null) return key;
        key = handle.createQuery("SELECT pk FROM collections WHERE id = :id")
                .bind("id", collectionId)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("unknown collection: " + collectionId));
        known.put(collectionId, key);
        return key;
    }
}
