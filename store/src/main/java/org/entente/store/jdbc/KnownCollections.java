package org.entente.store.jdbc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.entente.store.CollectionInfo;

/**
 * Collections already found, by the id or alias they were found under, so that the TAXII hot path does
 * not query the database for every request.
 *
 * <p>Only hits are remembered. That is safe without any expiry because collections are never deleted,
 * renamed or updated, and a name can never come to mean another collection: {@code create} refuses an
 * id or alias already taken as either. A miss always goes to the database, so a collection created by
 * another process (the CLI, another node on the same PostgreSQL) is seen at once.
 */
final class KnownCollections {
    /** Far more than a node has; only a guard against unbounded growth. */
    private static final int LIMIT = 10_000;

    private final Map<String, CollectionInfo> byName = new ConcurrentHashMap<>();

    Optional<CollectionInfo> find(String idOrAlias, Function<String, Optional<CollectionInfo>> database) {
        CollectionInfo known = byName.get(idOrAlias);
        if (known != null) return Optional.of(known);
        Optional<CollectionInfo> found = database.apply(idOrAlias);
        found.ifPresent(collection -> {
            if (byName.size() >= LIMIT) byName.clear();
            byName.put(idOrAlias, collection);
        });
        return found;
    }
}
