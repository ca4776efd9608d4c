package org.entente.store.jdbc;

import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * An open, migrated database: {@code reads} for queries (never waiting on a write), {@code writer} for
 * transactions that change data, and what to close when done.
 */
public record Database(Dialect dialect, Jdbi reads, SerialWriter writer, AutoCloseable resources) {
    public Database {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(resources, "resources");
    }
}
