package org.entente.federation.sync;

/** The node-to-node endpoints, served on the federation port over mutual TLS. */
public final class FederationPaths {
    /** POST a signed envelope. 202: stored; 200: already had it; 4xx: refused with a reason. */
    public static final String ENVELOPES = "/federation/v1/envelopes";
    /** GET the node's public identity: member descriptor, signing-key chain, TLS fingerprint. */
    public static final String IDENTITY = "/federation/v1/identity";
    /**
     * GET the envelopes queued for the calling peer, {@code ?after=SEQ&limit=N}: the page that follows
     * {@code SEQ} in outbox order; asking with {@code after=SEQ} confirms everything up to {@code SEQ}.
     * 403 for a client certificate not pinned for an active peer. Body: {@code OutboxPageJson}.
     */
    public static final String OUTBOX = "/federation/v1/outbox";
    public static final String ENVELOPE_MEDIA_TYPE = "application/vnd.entente.envelope+json";

    private FederationPaths() {}
}
