package org.entente.server.ingest;

import java.util.List;

/** What a node did with a received envelope. */
public record EnvelopeReceipt(Kind kind, String reason, int stored, List<String> rejected) {
    public enum Kind {
        /** Verified and stored (objects refused one by one are listed). */
        STORED,
        /** Received before: nothing changed. */
        DUPLICATE,
        /** Refused whole: forged, altered, stale, or not meant for this member. */
        REFUSED
    }

    public static EnvelopeReceipt refused(String reason) {
        return new EnvelopeReceipt(Kind.REFUSED, reason, 0, List.of());
    }
}
