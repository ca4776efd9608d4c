package org.entente.store;

import java.util.Objects;

/** A STIX reference from one object to another (a relationship's source or target, a sighting_of_ref, …). */
public record ObjectLink(String fromId, String toId) {
    public ObjectLink {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
    }
}
