package org.entente.federation.envelope;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.envelope.Verification.Accepted;
import org.entente.federation.envelope.Verification.Rejected;
import org.entente.federation.envelope.codec.EnvelopeJson;
import org.entente.federation.envelope.codec.ParsedEnvelope;
import org.entente.federation.identity.ChainedKey;
import org.entente.federation.identity.SigningKeyChain;
import org.entente.federation.identity.TrustedKeys;

/**
 * Decides whether a received envelope is genuine and new. Checks run cheapest first; the seen-set is
 * consulted last, only for envelopes whose signature holds, so that a forger cannot use up a genuine
 * envelope's id (or the seen-set's room) with envelopes nobody signed.
 */
public final class EnvelopeVerifier {
    private final TrustedKeys trustedKeys;
    private final SeenEnvelopes seen;
    private final ReplayWindow window;
    private final Clock clock;

    public EnvelopeVerifier(TrustedKeys trustedKeys, SeenEnvelopes seen, ReplayWindow window, Clock clock) {
        this.trustedKeys = trustedKeys;
        this.seen = seen;
        this.window = window;
        this.clock = clock;
    }

    public Verification verify(byte[] received) {
        // Read from the caller's array: a copy of a megabyte-sized envelope per step is the garbage that
        // made the receiver's collector work hardest (docs/PERFORMANCE.md, "6 after branch receive-lean").
        return verify(RawEnvelope.of(received), received);
    }

    public Verification verify(RawEnvelope raw) {
        return verify(raw, raw.bytes());
    }

    /** {@code bytes} holds what {@code raw} holds and is only read. */
    private Verification verify(RawEnvelope raw, byte[] bytes) {
        ParsedEnvelope parsed;
        try {
            parsed = EnvelopeJson.read(bytes);
        } catch (JsonFieldException e) {
            return new Rejected(raw, RejectionReason.MALFORMED, e.getMessage());
        }
        Envelope envelope = parsed.envelope();
        Instant created = envelope.created().instant();
        Instant now = clock.instant();
        if (!window.contains(created, now)) {
            return new Rejected(raw, RejectionReason.OUTSIDE_TIME_WINDOW, "created " + envelope.created().text()
                    + " is more than " + window.tolerance() + " from this node's time " + now);
        }
        Optional<SigningKeyChain> chain = trustedKeys.chainOf(envelope.origin());
        if (chain.isEmpty()) {
            return new Rejected(raw, RejectionReason.UNKNOWN_ORIGIN, "no signing keys are pinned for origin " + envelope.origin());
        }
        Optional<ChainedKey> key = chain.get().key(envelope.senderKey());
        if (key.isEmpty()) {
            return new Rejected(raw, RejectionReason.KEY_NOT_OF_ORIGIN,
                    "sender key " + envelope.senderKey() + " is not a signing key of origin " + envelope.origin());
        }
        if (!key.get().validAt(created)) {
            return new Rejected(raw, RejectionReason.KEY_NOT_VALID_AT_CREATION, "sender key " + envelope.senderKey()
                    + " was not the current key of " + envelope.origin() + " at " + envelope.created().text());
        }
        // The bytes as sent are tried first (no canonicalisation); the canonical form decides when they fail.
        if (!parsed.signedBy(key.get().key())) {
            return new Rejected(raw, RejectionReason.BAD_SIGNATURE,
                    "the signature does not verify with key " + envelope.senderKey() + " over the envelope's canonical JSON");
        }
        return switch (seen.remember(envelope.id(), window.rememberUntil(created))) {
            case FIRST_TIME -> new Accepted(raw, envelope, parsed.objectTexts());
            case SEEN_BEFORE -> new Rejected(raw, RejectionReason.REPLAYED, "envelope " + envelope.id() + " was received before");
            case NO_ROOM -> new Rejected(raw, RejectionReason.REPLAY_CHECK_UNAVAILABLE,
                    "too many envelopes within the replay window to check " + envelope.id() + "; send again later");
        };
    }
}
