package org.entente.federation.envelope.codec;

import java.util.Objects;
import org.entente.federation.envelope.Envelope;
import org.entente.federation.identity.Ed25519Signature;

/**
 * A received envelope read into values, its signature, and the bytes the signature must cover: the
 * RFC 8785 canonical form of the document as received minus {@code signature}. The signed bytes come
 * from the received tree, not from re-encoding {@link #envelope()}, so what is verified is what arrived.
 */
public record ParsedEnvelope(Envelope envelope, Ed25519Signature signature, byte[] signedContent) {
    public ParsedEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(signature, "signature");
        signedContent = signedContent.clone();
    }

    @Override
    public byte[] signedContent() {
        return signedContent.clone();
    }
}
