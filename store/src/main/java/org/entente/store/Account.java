package org.entente.store;

import java.util.Objects;

/** A user of this node; {@code passwordHash} is null for token-only users. Admins may do everything. */
public record Account(String name, String passwordHash, boolean admin) {
    public Account {
        Objects.requireNonNull(name, "name");
    }
}
