package org.entente.federation.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
final class PeerCourier extends PeerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCourier.class);
    /** Entries read per round: an envelope may be over a megabyte, so a few at a time. */
    private static final int BATCH = 8;

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
        for (OutboxEntry entry : due) {
            if (!running()) return false;
            DeliveryResult result = client.deliver(entry.envelope());
            if (result.delivered()) {
                outbox.delivered(peer().member(), entry.seq());
                continue;
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
        return due.size() == BATCH;
    }
}
