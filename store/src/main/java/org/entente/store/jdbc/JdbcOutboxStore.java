package org.entente.store.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.entente.core.policy.MemberId;
import org.entente.store.OutboxEntry;
import org.entente.store.OutboxState;
import org.entente.store.OutboxStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Pending entries live in {@code outbox} and are deleted once the peer confirms them; when the last
 * delivery succeeded and the error of the latest attempt live in {@code outbox_progress}, one row per peer.
 */
final class JdbcOutboxStore implements OutboxStore {
    private static final RowMapper<OutboxEntry> ENTRY = (rs, ctx) -> new OutboxEntry(
            rs.getLong("seq"),
            new MemberId(rs.getString("peer")),
            rs.getString("envelope_id"),
            rs.getBytes("envelope"),
            EpochMicros.toInstant(rs.getLong("enqueued")),
            rs.getInt("attempts"),
            NullableMicros.read(rs, "next_attempt"),
            rs.getString("last_error"));

    private record Pending(long count, Instant oldest) {}

    private final Jdbi reads;
    private final SerialWriter writer;
    private final Clock clock;

    JdbcOutboxStore(Jdbi reads, SerialWriter writer, Clock clock) {
        this.reads = reads;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public long enqueue(MemberId peer, String envelopeId, byte[] envelope) {
        return writer.inTransaction(handle -> {
            insert(handle, peer, envelopeId, envelope);
            return handle.createQuery("SELECT seq FROM outbox WHERE peer = :peer AND envelope_id = :envelopeId")
                    .bind("peer", peer.value())
                    .bind("envelopeId", envelopeId)
                    .mapTo(Long.class)
                    .one();
        });
    }

    @Override
    public void enqueue(java.util.Collection<MemberId> peers, String envelopeId, byte[] envelope) {
        if (peers.isEmpty()) return;
        writer.useTransaction(handle -> enqueueIn(handle, peers, envelopeId, envelope));
    }

    /** {@link #enqueue(java.util.Collection, String, byte[])} inside the caller's transaction. */
    void enqueueIn(Handle handle, java.util.Collection<MemberId> peers, String envelopeId, byte[] envelope) {
        for (MemberId peer : peers) insert(handle, peer, envelopeId, envelope);
    }

    private void insert(Handle handle, MemberId peer, String envelopeId, byte[] envelope) {
        requirePeer(handle, peer);
        handle.createUpdate("""
                        INSERT INTO outbox (peer, envelope_id, envelope, enqueued, attempts)
                        VALUES (:peer, :envelopeId, :envelope, :enqueued, 0)
                        ON CONFLICT (peer, envelope_id) DO NOTHING""")
                .bind("peer", peer.value())
                .bind("envelopeId", envelopeId)
                .bind("envelope", envelope)
                .bind("enqueued", EpochMicros.of(clock.instant()))
                .execute();
    }

    @Override
    public List<OutboxEntry> due(MemberId peer, Instant now, int limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, not " + limit);
        return reads.withHandle(handle -> handle.createQuery("""
                        SELECT seq, peer, envelope_id, envelope, enqueued, attempts, next_attempt, last_error
                        FROM outbox
                        WHERE peer = :peer AND (next_attempt IS NULL OR next_attempt <= :now)
                        ORDER BY seq
                        LIMIT :limit""")
                .bind("peer", peer.value())
                .bind("now", EpochMicros.of(now))
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    @Override
    public List<OutboxEntry> after(MemberId peer, long seq, int limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, not " + limit);
        return reads.withHandle(handle -> handle.createQuery("""
                        SELECT seq, peer, envelope_id, envelope, enqueued, attempts, next_attempt, last_error
                        FROM outbox
                        WHERE peer = :peer AND seq > :seq
                        ORDER BY seq
                        LIMIT :limit""")
                .bind("peer", peer.value())
                .bind("seq", seq)
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    @Override
    public void delivered(MemberId peer, long seq) {
        confirm(peer, "seq = :seq", seq);
    }

    @Override
    public void deliveredThrough(MemberId peer, long seq) {
        confirm(peer, "seq <= :seq", seq);
    }

    private void confirm(MemberId peer, String which, long seq) {
        writer.useTransaction(handle -> {
            int deleted = handle.createUpdate("DELETE FROM outbox WHERE peer = :peer AND " + which)
                    .bind("peer", peer.value())
                    .bind("seq", seq)
                    .execute();
            // A repeated confirmation changes nothing, not even the time of the last delivery.
            if (deleted == 0) return;
            handle.createUpdate("""
                            INSERT INTO outbox_progress (peer, last_delivered, last_error) VALUES (:peer, :now, NULL)
                            ON CONFLICT (peer) DO UPDATE SET last_delivered = excluded.last_delivered, last_error = NULL""")
                    .bind("peer", peer.value())
                    .bind("now", EpochMicros.of(clock.instant()))
                    .execute();
        });
    }

    @Override
    public void failed(MemberId peer, long seq, Instant nextAttempt, String error) {
        writer.useTransaction(handle -> {
            int updated = handle.createUpdate("""
                            UPDATE outbox SET attempts = attempts + 1, next_attempt = :nextAttempt, last_error = :error
                            WHERE peer = :peer AND seq = :seq""")
                    .bind("peer", peer.value())
                    .bind("seq", seq)
                    .bind("nextAttempt", NullableMicros.of(nextAttempt))
                    .bind("error", error)
                    .execute();
            // A failure reported for an entry that has meanwhile been confirmed is stale: ignore it.
            if (updated == 0) return;
            handle.createUpdate("""
                            INSERT INTO outbox_progress (peer, last_delivered, last_error) VALUES (:peer, NULL, :error)
                            ON CONFLICT (peer) DO UPDATE SET last_error = excluded.last_error""")
                    .bind("peer", peer.value())
                    .bind("error", error)
                    .execute();
        });
    }

    @Override
    public OutboxState state(MemberId peer) {
        return reads.inTransaction(handle -> {
            Pending pending = handle.createQuery(
                            "SELECT COUNT(*) AS pending, MIN(enqueued) AS oldest FROM outbox WHERE peer = :peer")
                    .bind("peer", peer.value())
                    .map((rs, ctx) -> new Pending(rs.getLong("pending"), NullableMicros.read(rs, "oldest")))
                    .one();
            return handle.createQuery("SELECT last_delivered, last_error FROM outbox_progress WHERE peer = :peer")
                    .bind("peer", peer.value())
                    .map((rs, ctx) -> new OutboxState(pending.count(), pending.oldest(),
                            NullableMicros.read(rs, "last_delivered"), rs.getString("last_error")))
                    .findOne()
                    .orElse(new OutboxState(pending.count(), pending.oldest(), null, null));
        });
    }

    static void requirePeer(Handle handle, MemberId peer) {
        boolean exists = handle.createQuery("SELECT COUNT(*) FROM peers WHERE member_id = :peer")
                .bind("peer", peer.value())
                .mapTo(Integer.class)
                .one() > 0;
        if (!exists) throw new IllegalArgumentException("unknown peer: " + peer.value());
    }
}
