package org.entente.federation.sync;

import org.entente.core.policy.MemberId;

/**
 * Where a pulled envelope goes: the same ingest as an envelope pushed by {@code sender}, which verifies it
 * and keeps it as received. It answers as a peer answers a push: stored, already had, refused for good,
 * or (for a failure on this node, such as the store being unavailable) to be taken again later. It
 * returns only once what it stored is durable.
 */
@FunctionalInterface
public interface Intake {
    DeliveryResult take(byte[] envelope, MemberId sender);
}
