/**
 * Federation between nodes: identities, signed envelopes, outbox and inbox per peer, and the TAXII 2.1
 * client. Empty until nodes federate (issue 3); the module exists so that the dependency order of
 * DESIGN.md's architecture is fixed from the start.
 */
package org.entente.federation;
