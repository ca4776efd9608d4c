package org.entente.store;

import java.time.Instant;
import org.entente.core.policy.MemberId;

/**
 * A signed envelope waiting for one peer. {@code seq} orders a peer's outbox; {@code attempts},
 * {@code nextAttempt} and {@code lastError} record failed deliveries.
 */
public record OutboxEntry(
        long seq, MemberId peer, String envelopeId, byte[] envelope, Instant enqueued,
        int attempts, Instant nextAttempt, String lastError) {}
