package org.entente.store;

/** What a write did with one version. */
public enum WriteOutcome {
    /** A new version was stored. */
    ADDED,
    /** The same (id, version) was already there; nothing changed. */
    ALREADY_PRESENT
}
