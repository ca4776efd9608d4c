package org.entente.store.jdbc;

import java.util.List;
import org.entente.store.ObjectQuery;
import org.entente.store.VersionSelector;

/** The TAXII filters of an {@link ObjectQuery} as SQL over {@code object_versions}. */
final class QueryConditions {
    private QueryConditions() {}

    /** Everything a find filters on: collection, cursor, ids, types, spec_version, added_after, versions. */
    static Conditions forFind(long collection, ObjectQuery query) {
        Conditions conditions = new Conditions()
                .add("collection_pk = :collection", s -> s.bind("collection", collection))
                .add("seq > :afterSeq", s -> s.bind("afterSeq", query.afterSeq()));
        if (!query.ids().isEmpty()) {
            conditions.add("object_id IN (<ids>)", s -> s.bindList("ids", List.copyOf(query.ids())));
        }
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
        Conditions conditions = new Conditions()
                .add("collection_pk = :collection", s -> s.bind("collection", collection))
                .add("object_id = :objectId", s -> s.bind("objectId", objectId));
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
