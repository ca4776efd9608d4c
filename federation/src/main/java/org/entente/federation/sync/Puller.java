package org.entente.federation.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.core.policy.MemberId;
import org.entente.store.Peer;
import org.entente.store.PeerStore;
import org.entente.store.PullCursorStore;

/**
 * Keeps one {@link OutboxPuller} running per active peer in {@link org.entente.store.PeerMode#PULL} mode,
 * following peers as they are added, paused, changed and removed. {@link #wake} makes each pull at once.
 */
public final class Puller implements AutoCloseable {
    private final PeerStore peers;
    private final PullCursorStore cursors;
    private final Function<Peer, PeerClient> clients;
    private final Intake intake;
    private final Backoff backoff;
    private final Duration interval;
    private final Map<MemberId, OutboxPuller> running = new HashMap<>();

    /** @param interval how long to wait after a peer had nothing new before asking it again */
    public Puller(PeerStore peers, PullCursorStore cursors, Function<Peer, PeerClient> clients, Intake intake,
                  Backoff backoff, Duration interval) {
        this.peers = peers;
        this.cursors = cursors;
        this.clients = clients;
        this.intake = intake;
        this.backoff = backoff;
        this.interval = interval;
    }

    /** Brings the running pullers in line with the peer list, then wakes them all: each pulls at once. */
    public synchronized void wake() {
        follow();
        running.values().forEach(OutboxPuller::wake);
    }

    /**
     * Brings the running pullers in line with the peer list (a new or changed peer is pulled from at once)
     * and leaves the others to their own rhythm.
     */
    public synchronized void follow() {
        Map<MemberId, Peer> active = peers.list().stream().filter(p -> !p.paused() && p.mode().pullsFromPeer())
                .collect(Collectors.toMap(Peer::member, p -> p));
        for (MemberId member : Set.copyOf(running.keySet())) {
            Peer now = active.get(member);
            if (now == null || !now.equals(running.get(member).peer())) running.remove(member).close();
        }
        for (Peer peer : active.values()) {
            running.computeIfAbsent(peer.member(),
                    m -> new OutboxPuller(peer, clients.apply(peer), cursors, intake, backoff, interval));
        }
    }

    @Override
    public synchronized void close() {
        running.values().forEach(OutboxPuller::close);
        running.clear();
    }
}
