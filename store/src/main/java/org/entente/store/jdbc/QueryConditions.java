package org.entente.store.jdbc;

import java.util.List;
import org.entente.store.ObjectQuery;
import org.entente.store.VersionSelector;

/** The TAXII filters of an {@link ObjectQuery} as SQL over {@code object_versions}. */
final class QueryConditions {
    /**
     * The versions of the object {@code :objectId} (whose hash is {@code :idHash}) in {@code :collection}, found
     * through its id's number ({@link ObjectKeys}). An object key belongs to one collection, so no
     * {@code collection_pk} term is needed beside it; with none, SQLite probes the object's versions through
     * {@code object_versions_key} instead of scanning the whole collection along {@code object_versions_order}.
     */
    static final String OF_ONE_OBJECT = "object_pk IN (SELECT o.pk FROM object_ids i JOIN objects o"
            + " ON o.collection_pk = :collection AND o.id_key = i.pk WHERE i.id_hash = :idHash AND i.object_id = :objectId)";

    private QueryConditions() {}

    /** Everything a find filters on: collection, cursor, ids, types, spec_version, added_after, versions. */
    static Conditions forFind(long collection, ObjectQuery query) {
        Conditions conditions = new Conditions();
        if (query.ids().isEmpty()) {
            conditions.add("collection_pk = :collection", s -> s.bind("collection", collection));
        } else {
            // As in OF_ONE_OBJECT: the named objects' versions, found through their keys.
            List<String> ids = List.copyOf(query.ids());
            List<Long> hashes = ids.stream().map(ObjectIdHash::of).toList();
            conditions.add("object_pk IN (SELECT o.pk FROM object_ids i JOIN objects o ON o.collection_pk = :collection"
                            + " AND o.id_key = i.pk WHERE i.id_hash IN (<idHashes>) AND i.object_id IN (<ids>))",
                    s -> s.bind("collection", collection).bindList("idHashes", hashes).bindList("ids", ids));
        }
        conditions.add("seq > :afterSeq", s -> s.bind("afterSeq", query.afterSeq()));
        if (!query.types().isEmpty()) {
            conditions.add("type IN (<types>)", s -> s.bindList("types", List.copyOf(query.types())));
        }
        if (query.addedAfter() != null) {
            long after = EpochMicros.of(query.addedAfter());
            conditions.add("date_added > :addedAfter", s -> s.bind("addedAfter", after));
        }
        addVersionFilters(conditions, query);
        return conditions;
    }

    /** What a delete of one object filters on: its versions and spec_version. */
    static Conditions forDelete(long collection, String objectId, ObjectQuery query) {
        Conditions conditions = new Conditions().add(OF_ONE_OBJECT, s -> s.bind("collection", collection)
                .bind("idHash", ObjectIdHash.of(objectId))
                .bind("objectId", objectId));
        addVersionFilters(conditions, query);
        return conditions;
    }

    private static void addVersionFilters(Conditions conditions, ObjectQuery query) {
        if (!query.specVersions().isEmpty()) {
            conditions.add("spec_version IN (<specVersions>)",
                    s -> s.bindList("specVersions", List.copyOf(query.specVersions())));
        }
        VersionSelector versions = query.versions();
        if (versions.all()) return;
        if (!versions.first() && !versions.last() && versions.at().isEmpty()) versions = VersionSelector.LAST;
        StringBuilder any = new StringBuilder();
        if (versions.first()) any.append(" OR is_first = 1");
        if (versions.last()) any.append(" OR is_last = 1");
        List<Long> at = versions.at().stream().map(EpochMicros::of).toList();
        if (!at.isEmpty()) {
            // An object without a version is named by its date_added.
            any.append(" OR version_key IN (<at>) OR (version_key = :noVersion AND date_added IN (<at>))");
        }
        conditions.add("(" + any.substring(" OR ".length()) + ")", s -> {
            if (!at.isEmpty()) s.bindList("at", at).bind("noVersion", VersionKey.NONE);
        });
    }
}
