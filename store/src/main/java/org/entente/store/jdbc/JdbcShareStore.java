package org.entente.store.jdbc;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.MemberId;
import org.entente.store.Share;
import org.entente.store.ShareStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class JdbcShareStore implements ShareStore {
    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcShareStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public void record(List<Share> shares) {
        List<Share> batch = List.copyOf(shares);
        if (batch.isEmpty()) return;
        writer.useTransaction(handle -> ShareWrite.run(handle, batch, new HashMap<>()));
    }

    @Override
    public Map<VersionRef, List<Share>> sharesOf(Collection<VersionRef> versions) {
        List<VersionRef> refs = List.copyOf(versions);
        if (refs.isEmpty()) return Map.of();
        // No snapshot needed: a share's distribution rows commit with it and never change, so a statement
        // that runs after the one that saw the share sees them all.
        return reads.withHandle(handle -> ShareRead.sharesOf(handle, refs));
    }

    @Override
    public Map<String, MemberId> originsOf(Collection<String> objectIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(objectIds));
        if (ids.isEmpty()) return Map.of();
        return reads.withHandle(handle -> originsOf(handle, ids));
    }

    /** The origin of each id that has a share, read on {@code handle} (a reader's, or the writer's inside a transaction). */
    static Map<String, MemberId> originsOf(Handle handle, List<String> ids) {
        // Shares are recorded by one writer at a time, so the lowest seq of an id is the first share to arrive.
        Set<String> wanted = Set.copyOf(ids);
        Map<String, Long> firstSeq = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        List<Long> hashes = List.copyOf(new LinkedHashSet<>(ids.stream().map(ObjectIdHash::of).toList()));
        Jdbc.lookup(handle, """
                        SELECT i.object_id, s.seq, a.origin
                        FROM object_ids i JOIN shares s ON s.object_key = i.pk JOIN audiences a ON a.seq = s.audience
                        WHERE i.id_hash IN (<keys>)""",
                hashes, PreparedStatement::setLong, rs -> {
                    String id = rs.getString(1);
                    // Another id of the same hash.
                    if (!wanted.contains(id)) return;
                    long seq = rs.getLong(2);
                    Long first = firstSeq.get(id);
                    if (first == null || seq < first) {
                        firstSeq.put(id, seq);
                        origins.put(id, rs.getString(3));
                    }
                });
        Map<String, MemberId> members = new HashMap<>();
        Map<String, MemberId> byId = new HashMap<>();
        origins.forEach((id, origin) -> byId.put(id, members.computeIfAbsent(origin, MemberId::new)));
        return byId;
    }
}
