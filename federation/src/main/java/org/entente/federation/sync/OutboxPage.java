package org.entente.federation.sync;

import java.util.List;

/**
 * One page of the envelopes a peer queued for this node, read from its outbox endpoint: entries in
 * strictly increasing seq order, and whether more followed the page. Each envelope's bytes are exactly as
 * the peer keeps them in its outbox, so that they are verified and kept as received.
 */
public record OutboxPage(List<Entry> entries, boolean more) {
    public OutboxPage {
        entries = List.copyOf(entries);
    }

    /** An envelope and its seq in the serving peer's outbox. */
    public record Entry(long seq, byte[] envelope) {}
}
