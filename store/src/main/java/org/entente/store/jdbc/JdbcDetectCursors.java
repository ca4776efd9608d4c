package org.entente.store.jdbc;

import java.util.HashMap;
import java.util.Map;
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
    public long cursor() {
        return reads.withHandle(handle -> handle.createQuery("SELECT last_seq FROM detect_cursor WHERE id = 1")
                .mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public void advance(long lastSeq) {
        writer.inTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO detect_cursor (id, last_seq) VALUES (1, :seq)
                            ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq
                            WHERE excluded.last_seq > detect_cursor.last_seq""")
                    .bind("seq", lastSeq).execute();
            return handle.createUpdate("DELETE FROM detect_cursors WHERE last_seq <= :seq").bind("seq", lastSeq).execute();
        });
    }

    @Override
    public Map<String, Long> matchedAhead() {
        return reads.withHandle(handle -> {
            Map<String, Long> ahead = new HashMap<>();
            handle.createQuery("SELECT collection_id, last_seq FROM detect_cursors")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> ahead.put(e.getKey(), e.getValue()));
            return Map.copyOf(ahead);
        });
    }
}
