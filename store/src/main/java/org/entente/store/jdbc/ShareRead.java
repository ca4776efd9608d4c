package org.entente.store.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.SharingLabels;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.jdbi.v3.core.Handle;

/**
 * Reads the shares of a page of versions with a few queries per chunk of versions (the shares, then the
 * labels of their audiences, see {@link Audiences}) instead of a few per version.
 */
final class ShareRead {
    /** Versions per chunk: at most twice as many bound values, well below the limits of both dialects. */
    private static final int CHUNK = Jdbc.LONGEST_IN_LIST;

    /**
     * Matches every (object id, version) pair of the chunk through the ids' hashes ({@link ObjectKeys}), and the
     * other versions of those objects and any other id of the same hash, filtered out after. Not also
     * {@code s.version_key IN (...)}: with both lists SQLite probes shares_key for every pair of an id and a
     * version key, the square of the chunk (160,000 probes for a chunk of 400), where the ids alone take one
     * probe each.
     */
    private static final String CHUNK_SHARES = """
            SELECT i.object_id, s.version_key, s.envelope_id, s.audience
            FROM object_ids i JOIN shares s ON s.object_key = i.pk
            WHERE i.id_hash IN (<keys>)
            ORDER BY s.seq""";

    private record VersionKeyOf(String objectId, long versionKey) {
        static VersionKeyOf of(VersionRef ref) {
            return new VersionKeyOf(ref.objectId(), VersionKey.of(ref.version()));
        }
    }

    /** A share row before its audience's labels are attached. */
    private record ShareRow(String objectId, long versionKey, String envelopeId, long audience) {}

    private ShareRead() {}

    static Map<VersionRef, List<Share>> sharesOf(Handle handle, List<VersionRef> refs) {
        // Several refs may name one stored version (instants finer than a microsecond): all get its shares.
        Map<VersionKeyOf, List<VersionRef>> wanted = new LinkedHashMap<>();
        refs.forEach(ref -> wanted.computeIfAbsent(VersionKeyOf.of(ref), k -> new ArrayList<>()).add(ref));
        List<VersionKeyOf> keys = List.copyOf(wanted.keySet());

        Map<VersionKeyOf, List<Share>> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            readChunk(handle, keys.subList(from, Math.min(keys.size(), from + CHUNK)), found);
        }
        Map<VersionRef, List<Share>> result = new LinkedHashMap<>();
        wanted.forEach((key, sameVersion) -> {
            List<Share> shares = found.get(key);
            if (shares != null) sameVersion.forEach(ref -> result.put(ref, List.copyOf(shares)));
        });
        return result;
    }

    private static void readChunk(Handle handle, List<VersionKeyOf> chunk, Map<VersionKeyOf, List<Share>> found) {
        Set<VersionKeyOf> requested = new HashSet<>(chunk);
        List<Long> hashes = new ArrayList<>(new LinkedHashSet<>(chunk.stream().map(key -> ObjectIdHash.of(key.objectId())).toList()));

        // At most CHUNK ids: one statement, so its ORDER BY orders all the chunk's rows.
        List<ShareRow> rows = new ArrayList<>();
        Jdbc.lookup(handle, CHUNK_SHARES, hashes, PreparedStatement::setLong, rs -> {
                    ShareRow row = new ShareRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4));
                    if (requested.contains(new VersionKeyOf(row.objectId(), row.versionKey()))) rows.add(row);
                });
        if (rows.isEmpty()) return;
        // No snapshot needed: an audience commits before or with the shares that name it and never changes.
        Map<Long, SharingLabels> audiences = Audiences.labelsOf(handle.getConnection(), rows.stream().map(ShareRow::audience).toList());
        for (ShareRow row : rows) {
            SharingLabels labels = audiences.get(row.audience());
            if (labels == null) throw new IllegalStateException("share of " + row.objectId() + " names no stored audience");
            Share share = new Share(row.objectId(), versionOf(row.versionKey()), row.envelopeId(), labels);
            found.computeIfAbsent(new VersionKeyOf(row.objectId(), row.versionKey()), k -> new ArrayList<>()).add(share);
        }
    }

    private static Instant versionOf(long versionKey) {
        return versionKey == VersionKey.NONE ? null : EpochMicros.toInstant(versionKey);
    }
}
