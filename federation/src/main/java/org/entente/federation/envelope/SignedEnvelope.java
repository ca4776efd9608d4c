package org.entente.federation.envelope;

import java.util.Objects;
import org.entente.federation.identity.Ed25519Signature;

/** An envelope with its signature, and the bytes to send. */
public record SignedEnvelope(Envelope envelope, Ed25519Signature signature, RawEnvelope raw) {
    public SignedEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(raw, "raw");
    }
}
