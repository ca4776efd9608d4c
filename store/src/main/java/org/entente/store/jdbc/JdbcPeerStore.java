package org.entente.store.jdbc;

import java.util.List;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.store.Peer;
import org.entente.store.PeerMode;
import org.entente.store.PeerStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcPeerStore implements PeerStore {
    private static final String SELECT =
            "SELECT member_id, url, tls_fingerprint, signing_key_fingerprint, paused, added, mode FROM peers";
    private static final RowMapper<Peer> PEER = (rs, ctx) -> new Peer(
            new MemberId(rs.getString("member_id")),
            rs.getString("url"),
            rs.getString("tls_fingerprint"),
            rs.getString("signing_key_fingerprint"),
            rs.getInt("paused") == 1,
            EpochMicros.toInstant(rs.getLong("added")),
            PeerMode.of(rs.getString("mode")));

    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcPeerStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public void save(Peer peer) {
        // An upsert that keeps the outbox, the pull cursor and when the peer was first added.
        writer.useTransaction(handle -> handle.createUpdate("""
                        INSERT INTO peers (member_id, url, tls_fingerprint, signing_key_fingerprint, paused, added, mode)
                        VALUES (:member, :url, :tlsFingerprint, :signingKeyFingerprint, :paused, :added, :mode)
                        ON CONFLICT (member_id) DO UPDATE SET
                            url = excluded.url,
                            tls_fingerprint = excluded.tls_fingerprint,
                            signing_key_fingerprint = excluded.signing_key_fingerprint,
                            paused = excluded.paused,
                            mode = excluded.mode""")
                .bind("member", peer.member().value())
                .bind("url", peer.url())
                .bind("tlsFingerprint", peer.tlsFingerprint())
                .bind("signingKeyFingerprint", peer.signingKeyFingerprint())
                .bind("paused", peer.paused() ? 1 : 0)
                .bind("added", EpochMicros.of(peer.added()))
                .bind("mode", peer.mode().label())
                .execute());
    }

    @Override
    public Optional<Peer> find(MemberId member) {
        return reads.withHandle(handle -> handle.createQuery(SELECT + " WHERE member_id = :member")
                .bind("member", member.value())
                .map(PEER)
                .findOne());
    }

    @Override
    public List<Peer> list() {
        return reads.withHandle(handle -> handle.createQuery(SELECT + " ORDER BY added, member_id")
                .map(PEER)
                .list());
    }

    @Override
    public boolean remove(MemberId member) {
        // One transaction: a crash never leaves an outbox without its peer.
        return writer.inTransaction(handle -> {
            for (String table : List.of("outbox", "outbox_progress", "pull_cursors")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE peer = :member").bind("member", member.value()).execute();
            }
            return handle.createUpdate("DELETE FROM peers WHERE member_id = :member")
                    .bind("member", member.value())
                    .execute() > 0;
        });
    }
}
