package org.entente.federation.envelope.codec;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.envelope.Envelope;
import org.entente.federation.identity.Ed25519;
import org.entente.federation.identity.Ed25519Signature;

/**
 * A received envelope read into values, its signature, and the bytes the signature must cover: the
 * RFC 8785 canonical form of the document as received minus {@code signature}. The signed bytes come
 * from the received tree, not from re-encoding {@link #envelope()}, so what is verified is what arrived.
 *
 * <p>Canonicalising a large envelope costs more than parsing it, so an envelope that arrived in the layout
 * {@link EnvelopeJson#withSignature} writes (the canonical bytes with the signature member spliced in)
 * also offers those bytes as they were sent, {@link #signedContentAsSent()}: cut out of the received bytes,
 * no re-encoding. The canonical form is computed only when asked for.
 */
public final class ParsedEnvelope {
    private final Envelope envelope;
    private final Ed25519Signature signature;
    private final Map<String, Object> unsignedTree;
    private final byte[] asSent;
    private final List<String> objectTexts;
    private byte[] canonical;

    ParsedEnvelope(Envelope envelope, Ed25519Signature signature, Map<String, Object> unsignedTree, byte[] asSent,
                   List<String> objectTexts) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.unsignedTree = Objects.requireNonNull(unsignedTree, "unsignedTree");
        this.asSent = asSent;
        this.objectTexts = Collections.unmodifiableList(new ArrayList<>(objectTexts));
    }

    /**
     * The JSON text of each object as received, in the order of {@link Envelope#objects()} (an element is
     * null where it is unknown); empty when none is known.
     */
    public List<String> objectTexts() {
        return objectTexts;
    }

    public Envelope envelope() {
        return envelope;
    }

    public Ed25519Signature signature() {
        return signature;
    }

    /** RFC 8785 canonical JSON of the received document without {@code signature}. */
    public byte[] signedContent() {
        return canonical().clone();
    }

    private synchronized byte[] canonical() {
        if (canonical == null) canonical = StixJson.canonical(unsignedTree);
        return canonical;
    }

    /**
     * Whether {@link #signature()} is {@code key}'s Ed25519 signature of the signed content: of the bytes as
     * sent when they are offered ({@link #signedContentAsSent()}; no canonicalisation), else of the canonical
     * form. The same decision as verifying either copy, without copying a megabyte-sized envelope again.
     */
    public boolean signedBy(PublicKey key) {
        return asSent != null && Ed25519.verify(key, asSent, signature) || Ed25519.verify(key, canonical(), signature);
    }

    /**
     * The received bytes without the signature member, when the document ended in exactly
     * {@code ,"signature":"<this signature>","type":"entente-envelope","version":1}}: a signature that
     * verifies over them was made over these very bytes, and they mean what the received document means
     * minus its signature (the member cut out is a member of the root object, the last three of which hold
     * no brackets). Empty for any other layout.
     */
    public Optional<byte[]> signedContentAsSent() {
        return Optional.ofNullable(asSent).map(byte[]::clone);
    }
}
