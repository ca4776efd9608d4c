package org.entente.store;

import java.util.Optional;

/**
 * Envelopes received from peers, kept as received. Recording doubles as the seen-set against replays and
 * repeated deliveries: an envelope id is recorded once.
 */
public interface InboxStore {
    /** @return false when this envelope id was recorded before (nothing changes then) */
    boolean record(ReceivedEnvelope envelope);

    Optional<ReceivedEnvelope> find(String envelopeId);
}
