package org.entente.store.jdbc;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.MemberId;
import org.entente.store.Share;
import org.entente.store.ShareStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class JdbcShareStore implements ShareStore {
    /** Ids per lookup, well below the bound-value limits of both dialects. */
    private static final int LOOKUP_CHUNK = 500;

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
        writer.useTransaction(handle -> ShareWrite.run(handle, batch));
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
        Map<String, MemberId> origins = new HashMap<>();
        // Shares are recorded by one writer at a time, so the lowest seq of an id is the first share to arrive.
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            handle.createQuery("""
                            SELECT s.object_id, a.origin FROM shares s JOIN audiences a ON a.seq = s.audience
                            WHERE s.object_id IN (<ids>) ORDER BY s.seq""")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK)))
                    .map((rs, ctx) -> Map.entry(rs.getString("object_id"), rs.getString("origin")))
                    .forEach(row -> origins.putIfAbsent(row.getKey(), new MemberId(row.getValue())));
        }
        return origins;
    }
}
