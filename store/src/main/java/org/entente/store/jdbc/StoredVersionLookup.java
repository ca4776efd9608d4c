package org.entente.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Finds which of a batch's object ids are stored, under which key, and their stored versions: first the ids'
 * node-wide numbers by {@link ObjectIdHash} (comparing the id text, since ids may share a hash) with the
 * collection's object of each, then the versions of the objects found. One statement per batch and step
 * (PostgreSQL) or per {@link #SQLITE_CHUNK} keys (SQLite), with fixed SQL texts, so a batch reuses prepared
 * statements instead of parsing SQL per chunk.
 */
final class StoredVersionLookup {
    /** Keys per SQLite query: well below its bind-parameter limit. */
    static final int SQLITE_CHUNK = 500;

    /**
     * What is stored of a batch's ids: the node-wide numbers of those that have one ({@link ObjectKeys}), the keys
     * of those that are objects of the collection, and the versions of each, by object id.
     */
    record Stored(Map<String, Long> idKeys, Map<String, Long> objectKeys, Map<String, List<StoredRow>> versions) {}

    private static final String IN_LIST = "(" + String.join(", ", Collections.nCopies(SQLITE_CHUNK, "?")) + ")";

    /** The last chunk is padded with a repeated key, harmless in an IN list, to keep one SQL text. */
    private static final String SQLITE_OBJECTS = "SELECT i.pk, i.object_id, o.pk FROM object_ids i"
            + " LEFT JOIN objects o ON o.collection_pk = ? AND o.id_key = i.pk WHERE i.id_hash IN " + IN_LIST;

    private static final String SQLITE_VERSIONS =
            "SELECT " + StoredRow.COLUMNS + " FROM object_versions WHERE object_pk IN " + IN_LIST;

    /**
     * One index probe per key. A plain IN list goes wrong while an import fills a new table: without
     * statistics PostgreSQL takes an IN list of hundreds of keys as unselective and scans every row per
     * lookup. OFFSET 0 keeps the planner from flattening the per-key probe into such a join: the id's number
     * through object_ids_hash, then the collection's object through objects_id_key.
     */
    private static final String POSTGRESQL_OBJECTS = "SELECT i.pk, i.object_id, o.pk FROM unnest(?::bigint[]) AS h(id_hash)"
            + " CROSS JOIN LATERAL (SELECT pk, object_id FROM object_ids WHERE id_hash = h.id_hash OFFSET 0) i"
            + " LEFT JOIN LATERAL (SELECT pk FROM objects WHERE collection_pk = ? AND id_key = i.pk OFFSET 0) o ON true";

    private static final String POSTGRESQL_VERSIONS = "SELECT v." + StoredRow.COLUMNS.replace(", ", ", v.")
            + " FROM unnest(?::bigint[]) AS k(object_pk) CROSS JOIN LATERAL (SELECT " + StoredRow.COLUMNS
            + " FROM object_versions WHERE object_pk = k.object_pk OFFSET 0) v";

    private StoredVersionLookup() {}

    /** What is stored of these ids in the collection; the map gives each id's {@link ObjectIdHash}. */
    static Stored find(Connection connection, long collection, Map<String, Long> hashById) throws SQLException {
        Map<String, Long> idKeys = new HashMap<>();
        Map<String, Long> keys = new HashMap<>();
        Map<String, List<StoredRow>> versions = new HashMap<>();
        if (hashById.isEmpty()) return new Stored(idKeys, keys, versions);
        boolean postgresql = connection.isWrapperFor(PGConnection.class);
        long[] hashes = hashById.values().stream().mapToLong(Long::longValue).toArray();
        forEachRow(connection, postgresql ? POSTGRESQL_OBJECTS : SQLITE_OBJECTS, postgresql, collection, hashes, rows -> {
            String id = rows.getString(2);
            if (!hashById.containsKey(id)) return;
            idKeys.put(id, rows.getLong(1));
            long objectKey = rows.getLong(3);
            if (!rows.wasNull()) keys.put(id, objectKey);
        });
        if (keys.isEmpty()) return new Stored(idKeys, keys, versions);
        long[] objectKeys = keys.values().stream().mapToLong(Long::longValue).toArray();
        forEachRow(connection, postgresql ? POSTGRESQL_VERSIONS : SQLITE_VERSIONS, postgresql, null, objectKeys, rows -> {
            StoredRow row = read(rows);
            versions.computeIfAbsent(row.objectId(), id -> new ArrayList<>()).add(row);
        });
        return new Stored(idKeys, keys, versions);
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs the query for all these keys, the collection (if not null) bound after the keys on PostgreSQL
     * (one array, one statement) and before them on SQLite (one statement per chunk of keys).
     */
    private static void forEachRow(Connection connection, String sql, boolean postgresql, Long collection,
            long[] keys, RowReader reader) throws SQLException {
        // Sorted, so consecutive probes of an index touch neighbouring pages.
        Arrays.sort(keys);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (postgresql) {
                Array array = connection.createArrayOf("bigint", Arrays.stream(keys).boxed().toArray());
                query.setArray(1, array);
                if (collection != null) query.setLong(2, collection);
                readAll(query, reader);
                array.free();
                return;
            }
            int first = 1;
            if (collection != null) query.setLong(first++, collection);
            for (int from = 0; from < keys.length; from += SQLITE_CHUNK) {
                for (int i = 0; i < SQLITE_CHUNK; i++) {
                    query.setLong(first + i, keys[Math.min(from + i, keys.length - 1)]);
                }
                readAll(query, reader);
            }
        }
    }

    private static void readAll(PreparedStatement query, RowReader reader) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) reader.read(rows);
        }
    }

    /** Columns by position, in the order of {@link StoredRow#COLUMNS}. */
    private static StoredRow read(ResultSet rs) throws SQLException {
        return new StoredRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5) == 1, rs.getInt(6) == 1);
    }
}
