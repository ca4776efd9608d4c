package org.entente.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.jdbi.v3.core.Handle;

/**
 * Reads the shares of a page of versions with three queries per chunk of versions (shares, their named
 * members, their communities) instead of a few per version.
 */
final class ShareRead {
    /** Versions per chunk: at most twice as many bound values, well below the limits of both dialects. */
    private static final int CHUNK = 400;

    /**
     * Matches every (object id, version) pair of the chunk, and the other versions of those objects, filtered out
     * after. Not also {@code s.version_key IN (...)}: with both lists SQLite probes shares_key for every pair of an
     * id and a version key, the square of the chunk (160,000 probes for a chunk of 400), where the ids alone
     * take one probe each.
     */
    private static final String CHUNK_CONDITION = "s.object_id IN (<ids>)";

    private record VersionKeyOf(String objectId, long versionKey) {
        static VersionKeyOf of(VersionRef ref) {
            return new VersionKeyOf(ref.objectId(), VersionKey.of(ref.version()));
        }
    }

    /** A share row before its distribution lists are attached. */
    private record ShareRow(
            long seq, String objectId, long versionKey, String envelopeId, MemberId origin, String tlp, String domain,
            String handlingCode, String grading, boolean allCommunities) {}

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
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(chunk.stream().map(VersionKeyOf::objectId).toList()));

        List<ShareRow> rows = handle.createQuery("""
                        SELECT s.seq, s.object_id, s.version_key, s.envelope_id, s.origin, s.tlp, s.domain,
                               s.handling_code, s.grading, s.to_all_communities
                        FROM shares s
                        WHERE\s""" + CHUNK_CONDITION + "\nORDER BY s.seq")
                .bindList("ids", padded(ids))
                .map((rs, ctx) -> new ShareRow(
                        rs.getLong("seq"),
                        rs.getString("object_id"),
                        rs.getLong("version_key"),
                        rs.getString("envelope_id"),
                        new MemberId(rs.getString("origin")),
                        rs.getString("tlp"),
                        rs.getString("domain"),
                        rs.getString("handling_code"),
                        rs.getString("grading"),
                        rs.getInt("to_all_communities") == 1))
                .filter(row -> requested.contains(new VersionKeyOf(row.objectId(), row.versionKey())))
                .list();
        if (rows.isEmpty()) return;

        List<Long> seqs = rows.stream().map(ShareRow::seq).toList();
        Map<Long, Set<MemberId>> members = new HashMap<>();
        distributionList(handle, "share_members", "member_id", seqs)
                .forEach((seq, values) -> members.put(seq, values.stream().map(MemberId::new).collect(Collectors.toSet())));
        Map<Long, Set<String>> communities = distributionList(handle, "share_communities", "community", seqs);

        for (ShareRow row : rows) {
            Distribution distribution = new Distribution(
                    members.getOrDefault(row.seq(), Set.of()),
                    communities.getOrDefault(row.seq(), Set.of()),
                    row.allCommunities());
            SharingLabels labels = new SharingLabels(
                    row.origin(),
                    distribution,
                    StoredTlp.parse(row.tlp()),
                    row.domain(),
                    Optional.ofNullable(row.handlingCode()).map(HandlingCode::valueOf),
                    Optional.ofNullable(row.grading()).map(Grading::parse));
            Share share = new Share(row.objectId(), versionOf(row.versionKey()), row.envelopeId(), labels);
            found.computeIfAbsent(new VersionKeyOf(row.objectId(), row.versionKey()), k -> new ArrayList<>()).add(share);
        }
    }

    /**
     * The values of one distribution child table for the given shares, by share (its primary key's prefix), in
     * chunks of {@link #CHUNK} shares (the versions of a chunk may have many shares between them).
     */
    private static Map<Long, Set<String>> distributionList(Handle handle, String table, String column, List<Long> seqs) {
        Map<Long, Set<String>> values = new HashMap<>();
        for (int from = 0; from < seqs.size(); from += CHUNK) {
            handle.createQuery("SELECT c.share_seq, c." + column + " AS value FROM " + table + " c WHERE c.share_seq IN (<seqs>)")
                    .bindList("seqs", padded(seqs.subList(from, Math.min(seqs.size(), from + CHUNK))))
                    .map((rs, ctx) -> Map.entry(rs.getLong("share_seq"), rs.getString("value")))
                    .forEach(row -> values.computeIfAbsent(row.getKey(), k -> new HashSet<>()).add(row.getValue()));
        }
        return values;
    }

    /**
     * The list padded to a power of two by repeating its last element, which changes no {@code IN} list: a list
     * binding renders one placeholder per element, and Jdbi caches parsed SQL by its text, so a few lengths are
     * parsed once each instead of every length once per call.
     */
    private static <T> List<T> padded(List<T> values) {
        int size = Integer.highestOneBit(Math.max(1, values.size() - 1)) << 1;
        if (values.size() <= 1 || size == values.size()) return values;
        List<T> padded = new ArrayList<>(size);
        padded.addAll(values);
        while (padded.size() < size) padded.add(values.getLast());
        return padded;
    }

    private static Instant versionOf(long versionKey) {
        return versionKey == VersionKey.NONE ? null : EpochMicros.toInstant(versionKey);
    }
}
