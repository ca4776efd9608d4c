package org.entente.federation.sync;

/** What a peer said to one delivery. */
public record DeliveryResult(Kind kind, int status, String detail) {
    public enum Kind {
        /** Stored by the peer. */
        ACCEPTED,
        /** The peer had it already; nothing changed there. */
        DUPLICATE,
        /** The peer refused it for good (bad signature, not in its audience, …): retrying will not help. */
        REJECTED,
        /** No answer, or a failure on the peer's side: try again later. */
        UNREACHABLE
    }

    public boolean delivered() {
        return kind == Kind.ACCEPTED || kind == Kind.DUPLICATE;
    }
}
