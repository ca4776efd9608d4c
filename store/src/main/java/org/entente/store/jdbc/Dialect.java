package org.entente.store.jdbc;

import java.util.Map;

/**
 * The few differences between SQLite and PostgreSQL, in one place. SQL statements are written once, in
 * the syntax both understand; only the migrations need these placeholders.
 */
public enum Dialect {
    SQLITE("sqlite", Map.of(
            "id_key", "INTEGER PRIMARY KEY AUTOINCREMENT",
            "binary", "BLOB",
            "key", "INTEGER PRIMARY KEY",
            "object_id_hash", ObjectIdHash.SQL_FUNCTION + "(object_id)")),
    POSTGRESQL("postgresql", Map.of(
            "id_key", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            "binary", "BYTEA",
            "key", "BIGINT PRIMARY KEY",
            // The first eight bytes of SHA-256, read as a signed big-endian integer: ObjectIdHash.of.
            "object_id_hash",
            "('x' || encode(substring(sha256(convert_to(object_id, 'UTF8')) from 1 for 8), 'hex'))::bit(64)::bigint"));

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
