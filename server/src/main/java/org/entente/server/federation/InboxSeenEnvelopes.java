package org.entente.server.federation;

import java.time.Instant;
import org.entente.federation.envelope.EnvelopeId;
import org.entente.federation.envelope.SeenEnvelopes;
import org.entente.store.InboxStore;

/**
 * The seen-set of envelopes backed by the inbox, which keeps every accepted envelope for good: a replay is
 * recognised however old it is and across restarts. The inbox records an envelope after it was stored,
 * so two simultaneous deliveries of one envelope can both pass here; storing is idempotent, so the second
 * changes nothing.
 */
public final class InboxSeenEnvelopes implements SeenEnvelopes {
    private final InboxStore inbox;

    public InboxSeenEnvelopes(InboxStore inbox) {
        this.inbox = inbox;
    }

    @Override
    public Outcome remember(EnvelopeId id, Instant rememberUntil) {
        return inbox.find(id.value()).isPresent() ? Outcome.SEEN_BEFORE : Outcome.FIRST_TIME;
    }
}
