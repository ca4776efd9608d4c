/**
 * A node's identity: an Ed25519 signing key whose first public key fixes the member id
 * ({@link org.entente.core.policy.MemberId}), later keys bound to it by a chain of rotation statements
 * each signed with the key before ({@link org.entente.federation.identity.SigningKeyChain}), and an
 * ECDSA P-256 TLS certificate for mutual TLS, pinned by fingerprint. {@code files} keeps them on disk.
 */
package org.entente.federation.identity;
