package org.entente.store;

import java.util.Objects;

/** A collection's description (TAXII 2.1 section 5.2); {@code alias} may be null. */
public record CollectionInfo(String id, String title, String description, String alias) {
    public CollectionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
    }
}
