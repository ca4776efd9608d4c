package org.entente.server.warn;

/** A warning's headline and description as one recipient reads them. */
public record Wording(String headline, String description) {}
