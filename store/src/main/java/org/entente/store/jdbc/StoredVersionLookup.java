package org.entente.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.postgresql.PGConnection;

/**
 * Finds the stored versions of a batch's object ids: one index probe per id, in one statement per
 * batch (PostgreSQL) or per {@link #SQLITE_CHUNK} ids (SQLite). Plain JDBC with fixed SQL texts, so a
 * batch reuses one prepared statement instead of building and parsing SQL per chunk.
 */
final class StoredVersionLookup {
    /** Ids per SQLite query: well below its bind-parameter limit. */
    static final int SQLITE_CHUNK = 500;

    /** The last chunk is padded with a repeated id, harmless in an IN list, to keep one SQL text. */
    private static final String SQLITE = "SELECT " + StoredRow.COLUMNS
            + " FROM object_versions WHERE collection_pk = ? AND object_id IN ("
            + String.join(", ", Collections.nCopies(SQLITE_CHUNK, "?")) + ")";

    /**
     * One probe of the (collection_pk, object_id, version_key) index per id. The plain IN-list form goes
     * wrong while an import fills a new table: without statistics PostgreSQL takes an IN list of
     * hundreds of ids as unselective and scans every row of the collection per lookup (300 ms at 200k
     * rows, against 3 ms for this form). OFFSET 0 keeps the planner from flattening the per-id lookup
     * into such a join.
     */
    private static final String POSTGRESQL = "SELECT v." + StoredRow.COLUMNS.replace(", ", ", v.")
            + " FROM unnest(?::text[]) AS ids(object_id) CROSS JOIN LATERAL (SELECT " + StoredRow.COLUMNS
            + " FROM object_versions WHERE collection_pk = ? AND object_id = ids.object_id OFFSET 0) v";

    private StoredVersionLookup() {}

    /** The stored versions of these ids in the collection, by object id. */
    static Map<String, List<StoredRow>> find(Connection connection, long collection, Collection<String> objectIds)
            throws SQLException {
        // Sorted, so consecutive probes of the index touch neighbouring pages.
        List<String> ids = new ArrayList<>(new TreeSet<>(objectIds));
        Map<String, List<StoredRow>> stored = new HashMap<>();
        if (ids.isEmpty()) return stored;
        if (connection.isWrapperFor(PGConnection.class)) {
            findPostgresql(connection, collection, ids, stored);
        } else {
            findSqlite(connection, collection, ids, stored);
        }
        return stored;
    }

    private static void findPostgresql(Connection connection, long collection, List<String> ids,
            Map<String, List<StoredRow>> stored) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(POSTGRESQL)) {
            Array array = connection.createArrayOf("text", ids.toArray());
            query.setArray(1, array);
            query.setLong(2, collection);
            collect(query, stored);
            array.free();
        }
    }

    private static void findSqlite(Connection connection, long collection, List<String> ids,
            Map<String, List<StoredRow>> stored) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SQLITE)) {
            query.setLong(1, collection);
            for (int from = 0; from < ids.size(); from += SQLITE_CHUNK) {
                for (int i = 0; i < SQLITE_CHUNK; i++) {
                    query.setString(2 + i, ids.get(Math.min(from + i, ids.size() - 1)));
                }
                collect(query, stored);
            }
        }
    }

    private static void collect(PreparedStatement query, Map<String, List<StoredRow>> stored) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                StoredRow row = read(rows);
                stored.computeIfAbsent(row.objectId(), id -> new ArrayList<>()).add(row);
            }
        }
    }

    /** Columns by position, in the order of {@link StoredRow#COLUMNS}. */
    private static StoredRow read(ResultSet rs) throws SQLException {
        return new StoredRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5) == 1, rs.getInt(6) == 1);
    }
}
