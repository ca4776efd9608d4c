package org.entente.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * The node-wide number of each object id (table {@code object_ids}, migration V17), by which every table that
 * names an object refers to it. An id is looked up by its {@link ObjectIdHash} and then compared in full, so a
 * hash shared by two ids costs a row read, never a wrong answer. A new id takes the next number after the
 * largest, inside the writer's transaction (one writer at a time, so no two take the same), and numbers are never
 * reused: the indexes keyed by them grow at their end.
 */
final class ObjectKeys {
    private static final String FIND = "SELECT pk, id_hash, object_id FROM object_ids WHERE id_hash IN (<keys>)";
    private static final String INSERT = "INSERT INTO object_ids (pk, id_hash, object_id) VALUES (?, ?, ?)";
    private static final String INSERT_FROM_ARRAYS = "INSERT INTO object_ids (pk, id_hash, object_id)"
            + " SELECT pk, id_hash, object_id FROM unnest(?::bigint[], ?::bigint[], ?::text[]) AS i(pk, id_hash, object_id)";

    private ObjectKeys() {}

    /** The numbers of those of the ids that have one. */
    static Map<String, Long> find(Handle handle, Collection<String> objectIds) {
        Map<Long, List<String>> byHash = byHash(objectIds);
        Map<String, Long> found = new HashMap<>();
        Jdbc.lookup(handle, FIND, List.copyOf(byHash.keySet()), PreparedStatement::setLong, rs -> {
            String id = rs.getString(3);
            if (byHash.getOrDefault(rs.getLong(2), List.of()).contains(id)) found.put(id, rs.getLong(1));
        });
        return found;
    }

    /** The ids by their {@link ObjectIdHash}, each once: the keys to look them up by, and the ids to compare each row's with. */
    static Map<Long, List<String>> byHash(Collection<String> objectIds) {
        Map<Long, List<String>> byHash = new HashMap<>();
        for (String id : new LinkedHashSet<>(objectIds)) {
            byHash.computeIfAbsent(ObjectIdHash.of(id), h -> new ArrayList<>(1)).add(id);
        }
        return byHash;
    }

    /**
     * The numbers of all the ids, giving one to each id without, in the order given; the writer's transaction only.
     * {@code numbered} holds the numbers this transaction found or gave so far (a number never changes, so those
     * ids are not looked up again) and takes the ones found or given here.
     */
    static Map<String, Long> ensure(Handle handle, Collection<String> objectIds, Map<String, Long> numbered) {
        List<String> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(objectIds)) if (!numbered.containsKey(id)) unknown.add(id);
        if (!unknown.isEmpty()) {
            Map<String, Long> found = find(handle, unknown);
            numbered.putAll(found);
            numbered.putAll(add(handle.getConnection(), unknown.stream().filter(id -> !found.containsKey(id)).toList(), ObjectIdHash::of));
        }
        Map<String, Long> keys = new HashMap<>();
        for (String id : objectIds) keys.put(id, numbered.get(id));
        return keys;
    }

    /**
     * Gives each of these ids, none of which has a number yet, the next one, in the order given; {@code hashOf}
     * gives each id's {@link ObjectIdHash} (a caller that has them computed already passes them on).
     */
    static Map<String, Long> add(Connection connection, List<String> newIds, ToLongFunction<String> hashOf) {
        Map<String, Long> keys = new HashMap<>();
        if (newIds.isEmpty()) return keys;
        try (PreparedStatement last = connection.prepareStatement("SELECT MAX(pk) FROM object_ids");
             ResultSet rs = last.executeQuery()) {
            rs.next();
            long next = rs.getLong(1) + 1;
            for (String id : newIds) keys.put(id, next++);
            if (connection.isWrapperFor(PGConnection.class)) {
                insertAsArrays(connection, newIds, keys, hashOf);
            } else {
                insert(connection, newIds, keys, hashOf);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot number object ids", e, null);
        }
        return keys;
    }

    private static void insert(Connection connection, List<String> ids, Map<String, Long> keys, ToLongFunction<String> hashOf)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (String id : ids) {
                insert.setLong(1, keys.get(id));
                insert.setLong(2, hashOf.applyAsLong(id));
                insert.setString(3, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** PostgreSQL: one statement with the rows as arrays (see {@link BatchWrite}). */
    private static void insertAsArrays(Connection connection, List<String> ids, Map<String, Long> keys,
            ToLongFunction<String> hashOf) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FROM_ARRAYS)) {
            Array pks = connection.createArrayOf("bigint", ids.stream().map(keys::get).toArray());
            Array hashes = connection.createArrayOf("bigint", ids.stream().map(hashOf::applyAsLong).toArray());
            Array texts = connection.createArrayOf("text", ids.toArray());
            insert.setArray(1, pks);
            insert.setArray(2, hashes);
            insert.setArray(3, texts);
            insert.executeUpdate();
        }
    }
}
