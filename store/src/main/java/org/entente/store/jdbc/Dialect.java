package org.entente.store.jdbc;

import java.util.Map;

/**
 * The few differences between SQLite and PostgreSQL, in one place. SQL statements are written once, in
 * the syntax both understand; only the migrations need these placeholders.
 */
public enum Dialect {
    SQLITE("sqlite", Map.of("id_key", "INTEGER PRIMARY KEY AUTOINCREMENT", "binary", "BLOB")),
    POSTGRESQL("postgresql", Map.of("id_key", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "binary", "BYTEA"));

    private final String label;
    private final Map<String, String> migrationPlaceholders;

    Dialect(String label, Map<String, String> migrationPlaceholders) {
        this.label = label;
        this.migrationPlaceholders = migrationPlaceholders;
    }

    /** "sqlite" or "postgresql". */
    public String label() {
        return label;
    }

    /** Flyway placeholders that turn the shared migrations into this dialect's DDL. */
    public Map<String, String> migrationPlaceholders() {
        return migrationPlaceholders;
    }
}
