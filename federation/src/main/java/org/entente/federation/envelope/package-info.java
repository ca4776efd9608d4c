/**
 * Envelopes, what crosses between nodes: a batch of STIX objects with audience, markings and origin,
 * signed with Ed25519 (RFC 8032) over RFC 8785 canonical JSON ({@code codec.EnvelopeJson} documents the
 * layout). {@link org.entente.federation.envelope.EnvelopeVerifier} checks origin key, signature and
 * replay, and names a {@link org.entente.federation.envelope.RejectionReason} for every refusal.
 */
package org.entente.federation.envelope;
