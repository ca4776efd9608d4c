package org.entente.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the stored versions of a batch's object ids, {@link #CHUNK} ids per query. Plain JDBC with one
 * fixed SQL text: the last chunk is padded with a repeated id (harmless in an IN list), so each batch
 * reuses a single prepared statement instead of building and parsing SQL per chunk, which cost as much
 * as the lookups themselves.
 */
final class StoredVersionLookup {
    /** Ids per query: well below the bind-parameter limits of both dialects. */
    static final int CHUNK = 500;

    private static final String SQL = "SELECT " + StoredRow.COLUMNS
            + " FROM object_versions WHERE collection_pk = ? AND object_id IN ("
            + String.join(", ", java.util.Collections.nCopies(CHUNK, "?")) + ")";

    private StoredVersionLookup() {}

    /** The stored versions of these ids in the collection, by object id. */
    static Map<String, List<StoredRow>> find(Connection connection, long collection, Collection<String> objectIds)
            throws SQLException {
        // Sorted, so consecutive probes of the index touch neighbouring pages.
        List<String> ids = new ArrayList<>(new TreeSet<>(objectIds));
        Map<String, List<StoredRow>> stored = new HashMap<>();
        if (ids.isEmpty()) return stored;
        try (PreparedStatement query = connection.prepareStatement(SQL)) {
            query.setLong(1, collection);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                for (int i = 0; i < CHUNK; i++) {
                    query.setString(2 + i, ids.get(Math.min(from + i, ids.size() - 1)));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        StoredRow row = read(rows);
                        stored.computeIfAbsent(row.objectId(), id -> new ArrayList<>()).add(row);
                    }
                }
            }
        }
        return stored;
    }

    private static StoredRow read(ResultSet rs) throws SQLException {
        return new StoredRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5) == 1, rs.getInt(6) == 1);
    }
}
