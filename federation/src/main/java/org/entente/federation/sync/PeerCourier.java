package org.entente.federation.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.entente.store.OutboxEntry;
import org.entente.store.OutboxStore;
import org.entente.store.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one peer's outbox in order, on its own virtual thread, until closed, with up to {@link #IN_FLIGHT}
 * envelopes awaiting the peer's answer. A failed delivery stops the round (later entries wait behind it)
 * and is tried again after a backoff; the outbox is durable, so a crash or an outage of hours only delays
 * delivery. Each entry leaves the outbox only once the peer has confirmed it.
 */
final class PeerCourier extends PeerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCourier.class);
    /** Entries read per round: an envelope may be over a megabyte, so a few at a time. */
    private static final int BATCH = 8;
    /**
     * Envelopes sent before the first of them is answered. Two keep the peer's writer busy while it reads the
     * next one, without changing what it stores: it takes envelopes in any order, idempotently by envelope
     * id and by (object id, version), and decides who may change an object inside the transaction that
     * writes it. So at most one envelope past a failed one has been sent when the round stops.
     */
    static final int IN_FLIGHT = 2;

    private final PeerClient client;
    private final OutboxStore outbox;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration idle;

    private PeerCourier(Peer peer, PeerClient client, OutboxStore outbox, Clock clock, Backoff backoff, Duration idle) {
        super(peer, "courier");
        this.client = client;
        this.outbox = outbox;
        this.clock = clock;
        this.backoff = backoff;
        this.idle = idle;
    }

    static PeerCourier start(Peer peer, PeerClient client, OutboxStore outbox, Clock clock, Backoff backoff, Duration idle) {
        PeerCourier courier = new PeerCourier(peer, client, outbox, clock, backoff, idle);
        courier.start();
        return courier;
    }

    @Override
    Duration round() {
        try {
            return deliverDue() ? Duration.ZERO : idle;
        } catch (RuntimeException e) {
            // The store may be closing or briefly unavailable; the outbox keeps everything for later.
            LOG.warn("delivery to {} failed: {}", peer().member(), e.toString());
            return idle;
        }
    }

    /** @return true when every due entry was delivered and more may be waiting */
    private boolean deliverDue() {
        List<OutboxEntry> due = outbox.due(peer().member(), clock.instant(), BATCH);
        if (due.isEmpty()) return false;
        // IN_FLIGHT envelopes at a time: the peer parses and verifies the next one while it stores this one.
        Deque<Sending> inFlight = new ArrayDeque<>();
        boolean allDelivered = true;
        int next = 0;
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                while (allDelivered && running() && next < due.size() && inFlight.size() < IN_FLIGHT) {
                    OutboxEntry entry = due.get(next++);
                    inFlight.add(new Sending(entry, sending.submit(() -> client.deliver(entry.envelope()))));
                }
                Sending oldest = inFlight.poll();
                if (oldest == null) break;
                // After a failure the envelope already in flight is still awaited and recorded.
                allDelivered &= recorded(oldest.entry(), oldest.result());
            }
        }
        return allDelivered && running() && due.size() == BATCH;
    }

    /** An entry sent to the peer, its answer to come. */
    private record Sending(OutboxEntry entry, Future<DeliveryResult> answer) {
        DeliveryResult result() {
            try {
                return answer.get();
            } catch (ExecutionException e) {
                return new DeliveryResult(DeliveryResult.Kind.UNREACHABLE, 0, e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new DeliveryResult(DeliveryResult.Kind.UNREACHABLE, 0, "interrupted");
            }
        }
    }

    /** Records the peer's answer to one entry; @return true when the peer took it */
    private boolean recorded(OutboxEntry entry, DeliveryResult result) {
        if (result.delivered()) {
            outbox.delivered(peer().member(), entry.seq());
            return true;
        }
        var retryAt = clock.instant().plus(backoff.after(entry.attempts(), result.kind()));
        String error = result.kind() + (result.status() > 0 ? " " + result.status() : "") + ": " + abbreviate(result.detail());
        outbox.failed(peer().member(), entry.seq(), retryAt, error);
        if (result.kind() == DeliveryResult.Kind.REJECTED) {
            LOG.warn("peer {} refused envelope {}: {}", peer().member(), entry.envelopeId(), error);
        } else {
            LOG.info("peer {} unreachable, envelope {} retried at {}: {}", peer().member(), entry.envelopeId(), retryAt, error);
        }
        return false;
    }
}
