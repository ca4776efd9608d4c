package org.entente.server.access;

/** Who is making a request, once authenticated. */
public record Principal(String name, boolean admin) {}
