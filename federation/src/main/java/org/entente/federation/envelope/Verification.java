package org.entente.federation.envelope;

import java.util.Objects;

/** The outcome of verifying a received envelope; both outcomes keep the bytes as received for the audit log. */
public sealed interface Verification {
    RawEnvelope raw();

    default boolean accepted() {
        return this instanceof Accepted;
    }

    record Accepted(RawEnvelope raw, Envelope envelope) implements Verification {
        public Accepted {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(envelope, "envelope");
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
