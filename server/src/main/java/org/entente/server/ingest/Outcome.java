package org.entente.server.ingest;

/**
 * What ingest did with one submitted object. {@code index} is its position in the submission;
 * {@code version} is the object's modified/created text (null when it has none); {@code reason} says
 * why it was rejected.
 */
public record Outcome(int index, String id, String version, Kind kind, String reason) {
    public enum Kind {
        /** Stored as a new version. */
        ADDED,
        /** That version was already stored; nothing changed. */
        UNCHANGED,
        /** Not stored; see the reason. */
        REJECTED
    }

    public boolean accepted() {
        return kind != Kind.REJECTED;
    }
}
