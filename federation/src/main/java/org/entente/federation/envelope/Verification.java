package org.entente.federation.envelope;

import java.util.List;
import java.util.Objects;

/** The outcome of verifying a received envelope; both outcomes keep the bytes as received for the audit log. */
public sealed interface Verification {
    RawEnvelope raw();

    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * A genuine, new envelope. {@code objectTexts} holds each object's JSON text as received, in the order of
     * {@link Envelope#objects()} (null where unknown), or is empty when none is known.
     */
    record Accepted(RawEnvelope raw, Envelope envelope, List<String> objectTexts) implements Verification {
        public Accepted {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(objectTexts, "objectTexts");
            if (!objectTexts.isEmpty() && objectTexts.size() != envelope.objects().size()) {
                throw new IllegalArgumentException("one text per object, or none");
            }
        }

        public Accepted(RawEnvelope raw, Envelope envelope) {
            this(raw, envelope, List.of());
        }

        /** The JSON text of object {@code i} as received, or null when it is not known. */
        public String objectText(int i) {
            return objectTexts.isEmpty() ? null : objectTexts.get(i);
        }
    }

    record Rejected(RawEnvelope raw, RejectionReason reason, String message) implements Verification {
        public Rejected {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return "Rejected[" + reason + ": " + message + "]";
        }
    }
}
