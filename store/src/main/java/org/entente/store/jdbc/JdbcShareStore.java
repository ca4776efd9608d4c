package org.entente.store.jdbc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.store.Share;
import org.entente.store.ShareStore;
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
    public Optional<MemberId> originOf(String objectId) {
        // Shares are recorded by one writer at a time, so the lowest seq is the first share to arrive.
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT origin FROM shares WHERE object_id = :objectId ORDER BY seq LIMIT 1")
                .bind("objectId", objectId)
                .mapTo(String.class)
                .findOne()
                .map(MemberId::new));
    }
}
