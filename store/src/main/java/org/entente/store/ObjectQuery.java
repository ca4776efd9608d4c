package org.entente.store;

import java.time.Instant;
import java.util.Set;

/**
 * Filters and paging for {@link ObjectStore#find}. Empty sets mean "no filter".
 * {@code addedAfter} keeps versions whose date_added is strictly later; {@code afterSeq} continues a
 * page (the {@link Page#nextSeq()} of the previous one); {@code limit} is at least 1.
 */
public record ObjectQuery(
        Set<String> ids,
        Set<String> types,
        VersionSelector versions,
        Set<String> specVersions,
        Instant addedAfter,
        long afterSeq,
        int limit) {
    public static final int MAX_LIMIT = 10_000;

    public ObjectQuery {
        ids = Set.copyOf(ids);
        types = Set.copyOf(types);
        specVersions = Set.copyOf(specVersions);
        if (versions == null) versions = VersionSelector.LAST;
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }

    public static ObjectQuery all() {
        return new ObjectQuery(Set.of(), Set.of(), VersionSelector.ALL, Set.of(), null, 0, MAX_LIMIT);
    }

    public static ObjectQuery latest() {
        return new ObjectQuery(Set.of(), Set.of(), VersionSelector.LAST, Set.of(), null, 0, MAX_LIMIT);
    }

    public ObjectQuery withIds(Set<String> ids) {
        return new ObjectQuery(ids, types, versions, specVersions, addedAfter, afterSeq, limit);
    }

    public ObjectQuery withTypes(Set<String> types) {
        return new ObjectQuery(ids, types, versions, specVersions, addedAfter, afterSeq, limit);
    }

    public ObjectQuery withVersions(VersionSelector versions) {
        return new ObjectQuery(ids, types, versions, specVersions, addedAfter, afterSeq, limit);
    }

    public ObjectQuery withSpecVersions(Set<String> specVersions) {
        return new ObjectQuery(ids, types, versions, specVersions, addedAfter, afterSeq, limit);
    }

    public ObjectQuery withAddedAfter(Instant addedAfter) {
        return new ObjectQuery(ids, types, versions, specVersions, addedAfter, afterSeq, limit);
    }

    public ObjectQuery withAfterSeq(long afterSeq) {
        return new ObjectQuery(ids, types, versions, specVersions, addedAfter, afterSeq, limit);
    }

    public ObjectQuery withLimit(int limit) {
        return new ObjectQuery(ids, types, versions, specVersions, addedAfter, afterSeq, limit);
    }
}
