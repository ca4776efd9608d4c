/**
 * Federation between nodes: identities ({@code identity}), signed envelopes ({@code envelope}), later
 * the outbox and inbox per peer and the TAXII 2.1 client. {@code codec} holds the strict JSON reading
 * that every federation document shares: errors name the field, unknown fields are refused, and numbers
 * that RFC 8785 would canonicalise ambiguously are refused.
 */
package org.entente.federation;
