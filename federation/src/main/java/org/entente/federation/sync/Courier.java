package org.entente.federation.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.core.policy.MemberId;
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
    private final OutboxStore outbox;
    private final Function<Peer, PeerClient> clients;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration idle;
    private final Map<MemberId, PeerCourier> running = new HashMap<>();

    public Courier(PeerStore peers, OutboxStore outbox, Function<Peer, PeerClient> clients, Clock clock,
                   Backoff backoff, Duration idle) {
        this.peers = peers;
        this.outbox = outbox;
        this.clients = clients;
        this.clock = clock;
        this.backoff = backoff;
        this.idle = idle;
    }

    /** Brings the running couriers in line with the peer list, then wakes them all. */
    public synchronized void wake() {
        Map<MemberId, Peer> active = peers.list().stream().filter(p -> !p.paused() && p.mode().pushesToPeer())
                .collect(Collectors.toMap(Peer::member, p -> p));
        for (MemberId member : Set.copyOf(running.keySet())) {
            Peer now = active.get(member);
            if (now == null || !now.equals(running.get(member).peer())) running.remove(member).close();
        }
        for (Peer peer : active.values()) {
            running.computeIfAbsent(peer.member(),
                    m -> new PeerCourier(peer, clients.apply(peer), outbox, clock, backoff, idle));
        }
        running.values().forEach(PeerCourier::wake);
    }

    @Override
    public synchronized void close() {
        running.values().forEach(PeerCourier::close);
        running.clear();
    }
}
