package org.entente.federation.envelope;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Seen envelope ids in memory, at most {@code capacity} of them. Ids are forgotten only once the replay
 * window has passed them; when the set is full of ids still inside the window it answers
 * {@link Outcome#NO_ROOM} instead of evicting one, because an evicted id could be replayed.
 */
public final class BoundedSeenEnvelopes implements SeenEnvelopes {
    private record Entry(EnvelopeId id, Instant rememberUntil) {}

    private final int capacity;
    private final Clock clock;
    private final Map<EnvelopeId, Instant> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::rememberUntil));

    public BoundedSeenEnvelopes(int capacity, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized Outcome remember(EnvelopeId id, Instant rememberUntil) {
        forgetExpired(clock.instant());
        if (seen.containsKey(id)) return Outcome.SEEN_BEFORE;
        if (seen.size() >= capacity) return Outcome.NO_ROOM;
        seen.put(id, rememberUntil);
        byExpiry.add(new Entry(id, rememberUntil));
        return Outcome.FIRST_TIME;
    }

    public synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().rememberUntil().isBefore(now)) {
            seen.remove(byExpiry.poll().id());
        }
    }
}
