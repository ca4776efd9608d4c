package org.entente.store.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.store.Share;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Records a batch of shares inside the caller's transaction with a few statements whatever its size:
 * which are stored already, one batched insert of the new ones, the keys they were given, and one batched
 * insert per distribution list. Keys are read back rather than returned by the insert because SQLite's
 * driver does not return keys for a batch.
 */
final class ShareWrite {
    /** Shares per lookup: at most twice as many bound values, well below the limits of both dialects. */
    private static final int LOOKUP_CHUNK = 400;

    private static final String INSERT = """
            INSERT INTO shares (object_id, version_key, envelope_id, origin, tlp, domain, handling_code, grading,
                                to_all_communities)
            VALUES (:objectId, :versionKey, :envelopeId, :origin, :tlp, :domain, :handlingCode, :grading,
                    :toAllCommunities)""";

    private ShareWrite() {}

    static void run(Handle handle, List<Share> batch) {
        // The first of equal shares in a batch wins, as it would in two separate calls.
        Map<ShareKey, Share> unique = new LinkedHashMap<>();
        batch.forEach(share -> unique.putIfAbsent(ShareKey.of(share), share));
        unique.keySet().removeAll(storedKeys(handle, unique.keySet()).keySet());
        if (unique.isEmpty()) return;

        PreparedBatch insert = handle.prepareBatch(INSERT);
        unique.forEach((key, share) -> bindShare(insert, key, share.labels()).add());
        insert.execute();

        Map<ShareKey, Long> seqs = storedKeys(handle, unique.keySet());
        PreparedBatch members = handle.prepareBatch(
                "INSERT INTO share_members (share_seq, member_id) VALUES (:seq, :value)");
        PreparedBatch communities = handle.prepareBatch(
                "INSERT INTO share_communities (share_seq, community) VALUES (:seq, :value)");
        unique.forEach((key, share) -> {
            long seq = seqs.get(key);
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
     * The stored ones among {@code keys}, with their sequence numbers. Narrowed by envelope too, so that an
     * object shared many times before does not bring all its earlier shares back.
     */
    private static Map<ShareKey, Long> storedKeys(Handle handle, Set<ShareKey> keys) {
        List<ShareKey> all = List.copyOf(keys);
        Map<ShareKey, Long> stored = new HashMap<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<ShareKey> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            handle.createQuery("""
                            SELECT seq, object_id, version_key, envelope_id FROM shares
                            WHERE object_id IN (<ids>) AND envelope_id IN (<envelopes>)""")
                    .bindList("ids", distinct(chunk.stream().map(ShareKey::objectId).toList()))
                    .bindList("envelopes", distinct(chunk.stream().map(ShareKey::envelopeId).toList()))
                    .map((rs, ctx) -> Map.entry(
                            new ShareKey(rs.getString("object_id"), rs.getLong("version_key"), rs.getString("envelope_id")),
                            rs.getLong("seq")))
                    .forEach(row -> {
                        if (keys.contains(row.getKey())) stored.put(row.getKey(), row.getValue());
                    });
        }
        return stored;
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
