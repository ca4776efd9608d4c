package org.entente.federation.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.core.policy.MemberId;
import org.entente.store.Peer;

/**
 * One {@link PeerLoop} per peer, brought in line with a list of peers: a loop whose peer left the list or
 * changed (URL, pins, mode) is closed, and one is started for each new peer.
 */
final class PeerLoops<L extends PeerLoop> implements AutoCloseable {
    private final Function<Peer, L> starter;
    private final Map<MemberId, L> running = new HashMap<>();

    PeerLoops(Function<Peer, L> starter) {
        this.starter = starter;
    }

    synchronized void follow(List<Peer> wanted) {
        Map<MemberId, Peer> byMember = wanted.stream().collect(Collectors.toMap(Peer::member, p -> p));
        for (MemberId member : Set.copyOf(running.keySet())) {
            Peer now = byMember.get(member);
            if (now == null || !now.equals(running.get(member).peer())) running.remove(member).close();
        }
        for (Peer peer : wanted) running.computeIfAbsent(peer.member(), m -> starter.apply(peer));
    }

    synchronized void wakeAll() {
        running.values().forEach(PeerLoop::wake);
    }

    @Override
    public synchronized void close() {
        running.values().forEach(PeerLoop::close);
        running.clear();
    }
}
