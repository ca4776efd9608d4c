package org.entente.store;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.policy.MemberId;

/**
 * A node this node exchanges with, pinned by the SHA-256 fingerprints of its TLS certificate and of its
 * signing key. A paused peer keeps its outbox but nothing is sent until it is resumed. Its {@link PeerMode}
 * says which node opens the connections.
 */
public record Peer(MemberId member, String url, String tlsFingerprint, String signingKeyFingerprint, boolean paused, Instant added,
                   PeerMode mode) {
    public Peer {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(tlsFingerprint, "tlsFingerprint");
        Objects.requireNonNull(signingKeyFingerprint, "signingKeyFingerprint");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(mode, "mode");
    }

    /** A peer both nodes push to. */
    public Peer(MemberId member, String url, String tlsFingerprint, String signingKeyFingerprint, boolean paused, Instant added) {
        this(member, url, tlsFingerprint, signingKeyFingerprint, paused, added, PeerMode.PUSH);
    }

    public Peer withPaused(boolean paused) {
        return new Peer(member, url, tlsFingerprint, signingKeyFingerprint, paused, added, mode);
    }

    public Peer withMode(PeerMode mode) {
        return new Peer(member, url, tlsFingerprint, signingKeyFingerprint, paused, added, mode);
    }
}
