package org.entente.server.taxii;

/** An API root (TAXII 2.1 section 4.2), served at {@code /taxii2/<name>/}. */
public record ApiRoot(String name, String title, String description) {}
