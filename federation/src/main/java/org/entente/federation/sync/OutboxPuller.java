package org.entente.federation.sync;

import java.io.IOException;
import java.time.Duration;
import org.entente.store.Peer;
import org.entente.store.PullCursorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one peer's queue for this node from its outbox endpoint, on its own virtual thread, until closed.
 * Each envelope goes through the {@link Intake} (the ingest a pushed envelope takes), and the cursor
 * moves past it only once the intake has stored it, so a crash or an outage of hours resumes where it
 * stopped; an envelope pulled twice is recognised by the inbox and changes nothing. The next request
 * names the cursor, which tells the peer it may drop everything up to it.
 *
 * <p>A page with entries is followed at once by the next request (which confirms it and fetches what
 * follows); an empty page by a pause of {@code interval}. An envelope the intake refuses (forged,
 * altered, not for this member) is logged and passed: it will never be accepted, and a peer that keeps
 * serving it must not stop the queue behind it. A failure to reach the peer or to store waits for a backoff.
 */
final class OutboxPuller extends PeerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPuller.class);
    /** Entries asked for per page; the peer also bounds a page by bytes. */
    static final int PAGE_LIMIT = 100;
    /** The most this node reads of one page: the peer's page budget plus one envelope of the largest size. */
    static final int MAX_PAGE_BYTES = 64 << 20;

    private final PeerClient client;
    private final PullCursorStore cursors;
    private final Intake intake;
    private final Backoff backoff;
    private final Duration interval;
    private int failures;

    private OutboxPuller(Peer peer, PeerClient client, PullCursorStore cursors, Intake intake, Backoff backoff, Duration interval) {
        super(peer, "puller");
        this.client = client;
        this.cursors = cursors;
        this.intake = intake;
        this.backoff = backoff;
        this.interval = interval;
    }

    static OutboxPuller start(Peer peer, PeerClient client, PullCursorStore cursors, Intake intake, Backoff backoff, Duration interval) {
        OutboxPuller puller = new OutboxPuller(peer, client, cursors, intake, backoff, interval);
        puller.start();
        return puller;
    }

    @Override
    Duration round() {
        try {
            Duration pause = pullPage() ? Duration.ZERO : interval;
            failures = 0;
            return pause;
        } catch (IOException | RuntimeException e) {
            // The peer is unreachable, or this node's store is closing or busy: the cursor has not moved.
            Duration pause = backoff.after(failures++, DeliveryResult.Kind.UNREACHABLE);
            String error = abbreviate(e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.info("pulling from {} failed, again in {} s: {}", peer().member(), pause.toSeconds(), error);
            recordFailure(error);
            return pause;
        }
    }

    /** @return true when the page held entries, so more may follow */
    private boolean pullPage() throws IOException {
        long after = cursors.cursor(peer().member()).pulledThrough();
        OutboxPage page = client.outbox(after, PAGE_LIMIT, MAX_PAGE_BYTES);
        if (page.entries().isEmpty()) {
            cursors.advance(peer().member(), after);
            return false;
        }
        for (OutboxPage.Entry entry : page.entries()) {
            if (!running()) return false;
            DeliveryResult result = intake.take(entry.envelope(), peer().member());
            if (result.kind() == DeliveryResult.Kind.UNREACHABLE) {
                throw new IOException("envelope at seq " + entry.seq() + " not stored: " + result.detail());
            }
            if (result.kind() == DeliveryResult.Kind.REJECTED) {
                LOG.warn("refused the envelope at seq {} pulled from {}: {}", entry.seq(), peer().member(), abbreviate(result.detail()));
            }
            cursors.advance(peer().member(), entry.seq());
        }
        return true;
    }

    private void recordFailure(String error) {
        try {
            cursors.failed(peer().member(), error);
        } catch (RuntimeException e) {
            LOG.debug("could not record the pull failure of {}: {}", peer().member(), e.toString());
        }
    }
}
