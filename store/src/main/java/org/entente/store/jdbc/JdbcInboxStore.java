package org.entente.store.jdbc;

import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.store.InboxStore;
import org.entente.store.ReceivedEnvelope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class JdbcInboxStore implements InboxStore {
    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcInboxStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public boolean record(ReceivedEnvelope envelope) {
        return writer.inTransaction(handle -> insert(handle, envelope));
    }

    /** {@link #record} inside the caller's transaction. */
    static boolean insert(Handle handle, ReceivedEnvelope envelope) {
        // DO NOTHING on a known id: a replay neither fails nor overwrites what was first received.
        return handle.createUpdate("""
                        INSERT INTO inbox (envelope_id, origin, sender, received, raw)
                        VALUES (:envelopeId, :origin, :sender, :received, :raw)
                        ON CONFLICT (envelope_id) DO NOTHING""")
                .bind("envelopeId", envelope.envelopeId())
                .bind("origin", envelope.origin().value())
                .bind("sender", envelope.sender().value())
                .bind("received", EpochMicros.of(envelope.received()))
                .bind("raw", envelope.raw())
                .execute() == 1;
    }

    @Override
    public Optional<ReceivedEnvelope> find(String envelopeId) {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT envelope_id, origin, sender, received, raw FROM inbox WHERE envelope_id = :envelopeId")
                .bind("envelopeId", envelopeId)
                .map((rs, ctx) -> new ReceivedEnvelope(
                        rs.getString("envelope_id"),
                        new MemberId(rs.getString("origin")),
                        new MemberId(rs.getString("sender")),
                        EpochMicros.toInstant(rs.getLong("received")),
                        rs.getBytes("raw")))
                .findOne());
    }
}
