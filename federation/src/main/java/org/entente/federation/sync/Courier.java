package org.entente.federation.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.entente.store.OutboxStore;
import org.entente.store.Peer;
import org.entente.store.PeerStore;

/**
 * Keeps one {@link PeerCourier} running per active peer this node pushes to (not one that pulls its queue
 * from here, {@link org.entente.store.PeerMode#PULLED}), following peers as they are added, paused,
 * changed and removed. {@link #wake} after enqueuing makes delivery start at once instead of at the next
 * poll.
 */
public final class Courier implements AutoCloseable {
    private final PeerStore peers;
    private final PeerLoops<PeerCourier> running;

    public Courier(PeerStore peers, OutboxStore outbox, Function<Peer, PeerClient> clients, Clock clock,
                   Backoff backoff, Duration idle) {
        this.peers = peers;
        this.running = new PeerLoops<>(peer -> PeerCourier.start(peer, clients.apply(peer), outbox, clock, backoff, idle));
    }

    /** Brings the running couriers in line with the peer list, then wakes them all. */
    public void wake() {
        running.follow(peers.list().stream().filter(p -> !p.paused() && p.mode().pushesToPeer()).toList());
        running.wakeAll();
    }

    @Override
    public void close() {
        running.close();
    }
}
