package org.entente.federation.sync;

import java.time.Duration;
import java.util.function.Function;
import org.entente.store.Peer;
import org.entente.store.PeerStore;
import org.entente.store.PullCursorStore;

/**
 * Keeps one {@link OutboxPuller} running per active peer in {@link org.entente.store.PeerMode#PULL} mode,
 * following peers as they are added, paused, changed and removed. {@link #wake} makes each pull at once.
 */
public final class Puller implements AutoCloseable {
    private final PeerStore peers;
    private final PeerLoops<OutboxPuller> running;

    /** @param interval how long to wait after a peer had nothing new before asking it again */
    public Puller(PeerStore peers, PullCursorStore cursors, Function<Peer, PeerClient> clients, Intake intake,
                  Backoff backoff, Duration interval) {
        this.peers = peers;
        this.running = new PeerLoops<>(peer -> OutboxPuller.start(peer, clients.apply(peer), cursors, intake, backoff, interval));
    }

    /** Brings the running pullers in line with the peer list, then wakes them all: each pulls at once. */
    public void wake() {
        follow();
        running.wakeAll();
    }

    /**
     * Brings the running pullers in line with the peer list (a new or changed peer is pulled from at once)
     * and leaves the others to their own rhythm.
     */
    public void follow() {
        running.follow(peers.list().stream().filter(p -> !p.paused() && p.mode().pullsFromPeer()).toList());
    }

    @Override
    public void close() {
        running.close();
    }
}
