package org.entente.store;

import java.util.Locale;

/**
 * Which of two peered nodes opens the connections. Envelopes are pushed wherever the receiving node can
 * be reached; a node that cannot be reached (firewall, NAT, no inbound connections at all) fetches what is
 * queued for it from the other node's outbox endpoint instead.
 */
public enum PeerMode {
    /** Both nodes push to each other. */
    PUSH,
    /** Only this node connects: it pushes to the peer and pulls the peer's queue for it. */
    PULL,
    /** Only the peer connects: it pushes to this node and pulls its queue from here; this node never calls it. */
    PULLED;

    /** Whether this node's courier sends the peer its queue. */
    public boolean pushesToPeer() {
        return this != PULLED;
    }

    /** Whether this node fetches the peer's queue for it from the peer's outbox endpoint. */
    public boolean pullsFromPeer() {
        return this == PULL;
    }

    /** The lower-case name used in the store, the REST API and the CLI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static PeerMode of(String label) {
        for (PeerMode mode : values()) if (mode.label().equals(label)) return mode;
        throw new IllegalArgumentException("peer mode must be push, pull or pulled, not " + label);
    }
}
