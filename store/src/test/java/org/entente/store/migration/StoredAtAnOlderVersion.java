package org.entente.store.migration;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.entente.store.NewVersion;
import org.entente.store.ObjectQuery;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.entente.store.VersionSelector;

/** What the migration tests write into a database at an older version, and read back through the store after. */
final class StoredAtAnOlderVersion {
    private StoredAtAnOlderVersion() {}

    /** An instant as the schema stores it: microseconds since the epoch (whole seconds here). */
    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L;
    }

    /** The JSON of indicator--NAME at MODIFIED, as the tests store it by SQL and compare it after. */
    static String json(String name, Instant modified) {
        return "{\"id\":\"indicator--" + name + "\",\"modified\":\"" + modified + "\"}";
    }

    static NewVersion version(String name, Instant modified) {
        return new NewVersion("indicator--" + name, "indicator", "2.1", modified, json(name, modified));
    }

    /** The JSON of the selected versions of one object in a collection, in the store's order. */
    static List<String> versionsOf(Store store, String collection, String id, VersionSelector versions) {
        return store.objects().find(collection, ObjectQuery.all().withIds(Set.of(id)).withVersions(versions))
                .items().stream().map(StoredVersion::json).toList();
    }
}
