package org.entente.store.jdbc;

import java.time.Clock;
import org.entente.core.policy.MemberId;
import org.entente.store.PullCursor;
import org.entente.store.PullCursorStore;
import org.jdbi.v3.core.Jdbi;

/** One row per peer in {@code pull_cursors}, written only forward. */
final class JdbcPullCursorStore implements PullCursorStore {
    private final Jdbi reads;
    private final SerialWriter writer;
    private final Clock clock;

    JdbcPullCursorStore(Jdbi reads, SerialWriter writer, Clock clock) {
        this.reads = reads;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public PullCursor cursor(MemberId peer) {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT pulled_through, last_pulled, last_error FROM pull_cursors WHERE peer = :peer")
                .bind("peer", peer.value())
                .map((rs, ctx) -> new PullCursor(rs.getLong("pulled_through"), NullableMicros.read(rs, "last_pulled"),
                        rs.getString("last_error")))
                .findOne()
                .orElse(PullCursor.START));
    }

    @Override
    public void advance(MemberId peer, long seq) {
        if (seq < 0) throw new IllegalArgumentException("a pull cursor is never negative, not " + seq);
        writer.useTransaction(handle -> {
            JdbcOutboxStore.requirePeer(handle, peer);
            // A late or repeated advance never moves the cursor back.
            handle.createUpdate("""
                            INSERT INTO pull_cursors (peer, pulled_through, last_pulled, last_error) VALUES (:peer, :seq, :now, NULL)
                            ON CONFLICT (peer) DO UPDATE SET
                                pulled_through = CASE WHEN excluded.pulled_through > pull_cursors.pulled_through
                                                      THEN excluded.pulled_through ELSE pull_cursors.pulled_through END,
                                last_pulled = excluded.last_pulled,
                                last_error = NULL""")
                    .bind("peer", peer.value())
                    .bind("seq", seq)
                    .bind("now", EpochMicros.of(clock.instant()))
                    .execute();
        });
    }

    @Override
    public void failed(MemberId peer, String error) {
        writer.useTransaction(handle -> {
            JdbcOutboxStore.requirePeer(handle, peer);
            handle.createUpdate("""
                            INSERT INTO pull_cursors (peer, pulled_through, last_pulled, last_error) VALUES (:peer, 0, NULL, :error)
                            ON CONFLICT (peer) DO UPDATE SET last_error = excluded.last_error""")
                    .bind("peer", peer.value())
                    .bind("error", error)
                    .execute();
        });
    }
}
