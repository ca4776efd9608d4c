package org.entente.store.jdbc;

import org.entente.store.DetectCursors;
import org.jdbi.v3.core.Jdbi;

final class JdbcDetectCursors implements DetectCursors {
    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcDetectCursors(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public long cursor(String collectionId) {
        return reads.withHandle(handle -> handle.createQuery("SELECT last_seq FROM detect_cursors WHERE collection_id = :c")
                .bind("c", collectionId).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public void advance(String collectionId, long lastSeq) {
        writer.inTransaction(handle -> handle.createUpdate("""
                        INSERT INTO detect_cursors (collection_id, last_seq) VALUES (:c, :seq)
                        ON CONFLICT (collection_id) DO UPDATE SET last_seq = excluded.last_seq
                        WHERE excluded.last_seq > detect_cursors.last_seq""")
                .bind("c", collectionId).bind("seq", lastSeq).execute());
    }
}
