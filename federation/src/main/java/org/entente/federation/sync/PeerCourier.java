package org.entente.federation.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.entente.store.OutboxEntry;
import org.entente.store.OutboxStore;
import org.entente.store.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one peer's outbox in order, on its own virtual thread, until closed. A failed delivery stops
 * the round (later entries wait behind it) and is tried again after a backoff; the outbox is durable, so
 * a crash or an outage of hours only delays delivery. Each entry leaves the outbox only once the peer has
 * confirmed it.
 */
final class PeerCourier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCourier.class);
    /** Entries read per round: an envelope may be over a megabyte, so a few at a time. */
    private static final int BATCH = 8;

    private final Peer peer;
    private final PeerClient client;
    private final OutboxStore outbox;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration idle;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private volatile boolean running = true;
    private boolean signalled;
    private final Thread thread;

    PeerCourier(Peer peer, PeerClient client, OutboxStore outbox, Clock clock, Backoff backoff, Duration idle) {
        this.peer = peer;
        this.client = client;
        this.outbox = outbox;
        this.clock = clock;
        this.backoff = backoff;
        this.idle = idle;
        this.thread = Thread.ofVirtual().name("courier-" + peer.member().value()).start(this::run);
    }

    Peer peer() {
        return peer;
    }

    void wake() {
        lock.lock();
        try {
            signalled = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                if (!deliverDue()) sleep();
            } catch (RuntimeException e) {
                // The store may be closing or briefly unavailable; the outbox keeps everything for later.
                LOG.warn("delivery to {} failed: {}", peer.member(), e.toString());
                sleep();
            }
        }
    }

    /** @return true when every due entry was delivered and more may be waiting */
    private boolean deliverDue() {
        List<OutboxEntry> due = outbox.due(peer.member(), clock.instant(), BATCH);
        if (due.isEmpty()) return false;
        for (OutboxEntry entry : due) {
            if (!running) return false;
            DeliveryResult result = client.deliver(entry.envelope());
            if (result.delivered()) {
                outbox.delivered(peer.member(), entry.seq());
                continue;
            }
            var retryAt = clock.instant().plus(backoff.after(entry.attempts(), result.kind()));
            String error = result.kind() + (result.status() > 0 ? " " + result.status() : "") + ": " + abbreviate(result.detail());
            outbox.failed(peer.member(), entry.seq(), retryAt, error);
            if (result.kind() == DeliveryResult.Kind.REJECTED) {
                LOG.warn("peer {} refused envelope {}: {}", peer.member(), entry.envelopeId(), error);
            } else {
                LOG.info("peer {} unreachable, envelope {} retried at {}: {}", peer.member(), entry.envelopeId(), retryAt, error);
            }
            return false;
        }
        return due.size() == BATCH;
    }

    private void sleep() {
        lock.lock();
        try {
            if (!signalled && running) woken.awaitNanos(idle.toNanos());
            signalled = false;
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
