package org.entente.server.federation;

import org.entente.core.policy.MemberId;
import org.entente.federation.sync.DeliveryResult;
import org.entente.federation.sync.Intake;
import org.entente.server.ingest.EnvelopeIngest;
import org.entente.server.ingest.EnvelopeReceipt;

/**
 * Pulled envelopes take the path of pushed ones, {@link EnvelopeIngest}, with the peer they were pulled
 * from as the sender; its receipt is read as a peer's answer to a push would be.
 */
final class PullIntake implements Intake {
    private final EnvelopeIngest ingest;

    PullIntake(EnvelopeIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public DeliveryResult take(byte[] envelope, MemberId sender) {
        EnvelopeReceipt receipt = ingest.receive(envelope, sender);
        return switch (receipt.kind()) {
            case STORED -> new DeliveryResult(DeliveryResult.Kind.ACCEPTED, 202, receipt.stored() + " objects stored");
            case DUPLICATE -> new DeliveryResult(DeliveryResult.Kind.DUPLICATE, 200, "already received");
            case REFUSED -> new DeliveryResult(DeliveryResult.Kind.REJECTED, 422, receipt.reason());
        };
    }
}
