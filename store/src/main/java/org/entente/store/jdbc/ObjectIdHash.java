package org.entente.store.jdbc;

/**
 * The 64-bit key under which {@code object_ids} indexes an object id (migration V17; {@code objects} did from V3
 * to V16): the first eight bytes of the SHA-256 of the id's UTF-8 bytes, big-endian, as a signed long. Eight
 * bytes instead of the id's ~47 characters keep the one index that every new id lands in at a random place
 * small. Different ids may share a key: every lookup by key also compares the id text. A cryptographic hash
 * keeps anyone from choosing many ids with one key.
 *
 * <p>Migrations V3 and V17 compute the same value in SQL (PostgreSQL's {@code sha256}; on SQLite the function
 * {@link #SQL_FUNCTION} that the store registers on its migration connections), so this definition must
 * never change.
 */
public final class ObjectIdHash {
    /** The name of the SQLite function that migrations V3 and V17 call. */
    public static final String SQL_FUNCTION = "entente_object_id_hash";

    private ObjectIdHash() {}

    public static long of(String objectId) {
        // The same function as the correlation observables' key: one SHA-256 helper for both.
        return KeyHash.of(objectId);
    }
}
