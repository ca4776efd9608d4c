package org.entente.store;

import java.time.Instant;
import java.util.List;
import org.entente.core.policy.MemberId;

/**
 * A durable outbox per peer: what is enqueued survives a crash and is delivered in order until the peer
 * confirms it. Enqueuing the same envelope for the same peer twice keeps one entry.
 */
public interface OutboxStore {
    /** @return the entry's sequence number (the existing one when it was already enqueued) */
    long enqueue(MemberId peer, String envelopeId, byte[] envelope);

    /** Enqueues one envelope for several peers in one transaction: a share to a community costs one commit. */
    void enqueue(java.util.Collection<MemberId> peers, String envelopeId, byte[] envelope);

    /** Undelivered entries of a peer whose next attempt is due at {@code now}, in sequence order. */
    List<OutboxEntry> due(MemberId peer, Instant now, int limit);

    /** The peer confirmed the entry: it leaves the outbox. */
    void delivered(MemberId peer, long seq);

    /**
     * Pending entries of a peer after {@code seq}, in sequence order, whether or not a push is due: what a
     * peer that pulls its queue fetches next.
     */
    List<OutboxEntry> after(MemberId peer, long seq, int limit);

    /** The peer confirmed every entry up to {@code seq} (it pulled them): they leave the outbox. */
    void deliveredThrough(MemberId peer, long seq);

    /** A delivery failed: count it and set when to try again. */
    void failed(MemberId peer, long seq, Instant nextAttempt, String error);

    OutboxState state(MemberId peer);
}
