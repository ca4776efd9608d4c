package org.entente.store;

import org.entente.core.policy.MemberId;

/**
 * The durable cursor of each peer this node pulls from, so that pulling resumes after a crash or an outage
 * where it stopped. The cursor only moves forward.
 */
public interface PullCursorStore {
    /** {@link PullCursor#START} for a peer never pulled from. */
    PullCursor cursor(MemberId peer);

    /**
     * Everything up to {@code seq} of the peer's outbox is stored here: record it (a lower seq than the
     * cursor's changes nothing) and clear the last error.
     *
     * @throws IllegalArgumentException for an unknown peer
     */
    void advance(MemberId peer, long seq);

    /** A pull failed; the cursor stays where it is. */
    void failed(MemberId peer, String error);
}
