package org.entente.federation.sync;

/** The node-to-node endpoints, served on the federation port over mutual TLS. */
public final class FederationPaths {
    /** POST a signed envelope. 202: stored; 200: already had it; 4xx: refused with a reason. */
    public static final String ENVELOPES = "/federation/v1/envelopes";
    /** GET the node's public identity: member descriptor, signing-key chain, TLS fingerprint. */
    public static final String IDENTITY = "/federation/v1/identity";
    public static final String ENVELOPE_MEDIA_TYPE = "application/vnd.entente.envelope+json";

    private FederationPaths() {}
}
