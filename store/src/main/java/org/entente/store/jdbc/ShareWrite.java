package org.entente.store.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.store.Share;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Records a batch of shares inside the caller's transaction with a few statements whatever its size: one
 * batched insert that skips the keys stored already, one read of the keys the new rows were given, and one
 * batched insert per distribution list. Keys are read back rather than returned by the insert because
 * SQLite's driver does not return keys for a batch; they are read as the rows above the highest key before
 * the insert, a range of the primary key, rather than looked up by object id.
 */
final class ShareWrite {
    private static final String INSERT = """
            INSERT INTO shares (object_id, version_key, envelope_id, origin, tlp, domain, handling_code, grading,
                                to_all_communities)
            VALUES (:objectId, :versionKey, :envelopeId, :origin, :tlp, :domain, :handlingCode, :grading,
                    :toAllCommunities)
            ON CONFLICT (object_id, version_key, envelope_id) DO NOTHING""";

    private ShareWrite() {}

    static void run(Handle handle, List<Share> batch) {
        if (batch.isEmpty()) return;
        // The first of equal shares in a batch wins, as it would in two separate calls.
        Map<ShareKey, Share> unique = new LinkedHashMap<>();
        batch.forEach(share -> unique.putIfAbsent(ShareKey.of(share), share));

        // Keys are never reused, so whatever this insert adds lies above the highest key before it.
        long before = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM shares").mapTo(Long.class).one();
        PreparedBatch insert = handle.prepareBatch(INSERT);
        unique.forEach((key, share) -> bindShare(insert, key, share.labels()).add());
        insert.execute();
        Map<ShareKey, Long> added = addedSince(handle, before, unique);
        if (added.isEmpty()) return;

        PreparedBatch members = handle.prepareBatch(
                "INSERT INTO share_members (share_seq, member_id) VALUES (:seq, :value)");
        PreparedBatch communities = handle.prepareBatch(
                "INSERT INTO share_communities (share_seq, community) VALUES (:seq, :value)");
        added.forEach((key, seq) -> {
            Share share = unique.get(key);
            share.labels().distribution().members().stream().map(MemberId::value)
                    .forEach(member -> members.bind("seq", seq).bind("value", member).add());
            share.labels().distribution().communities()
                    .forEach(community -> communities.bind("seq", seq).bind("value", community).add());
        });
        if (members.size() > 0) members.execute();
        if (communities.size() > 0) communities.execute();
    }

    private static PreparedBatch bindShare(PreparedBatch insert, ShareKey key, SharingLabels labels) {
        return insert.bind("objectId", key.objectId())
                .bind("versionKey", key.versionKey())
                .bind("envelopeId", key.envelopeId())
                .bind("origin", labels.origin().value())
                .bind("tlp", StoredTlp.of(labels.tlp()))
                .bind("domain", labels.domain())
                .bind("handlingCode", labels.handlingCode().map(Enum::name).orElse(null))
                .bind("grading", labels.grading().map(Object::toString).orElse(null))
                .bind("toAllCommunities", labels.distribution().allCommunities() ? 1 : 0);
    }

    /**
     * The rows of this batch that the insert added (a stored key was skipped by it), with their keys. Rows
     * another process added meanwhile are above {@code before} too; they are told apart by their key.
     */
    private static Map<ShareKey, Long> addedSince(Handle handle, long before, Map<ShareKey, Share> batch) {
        Map<ShareKey, Long> added = new LinkedHashMap<>();
        handle.createQuery("SELECT seq, object_id, version_key, envelope_id FROM shares WHERE seq > :before ORDER BY seq")
                .bind("before", before)
                .map((rs, ctx) -> Map.entry(
                        new ShareKey(rs.getString("object_id"), rs.getLong("version_key"), rs.getString("envelope_id")),
                        rs.getLong("seq")))
                .forEach(row -> {
                    if (batch.containsKey(row.getKey())) added.putIfAbsent(row.getKey(), row.getValue());
                });
        return added;
    }
}
