package org.entente.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.store.NewVersion;
import org.entente.store.WriteOutcome;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * Stores one batch inside the caller's transaction with a handful of statements whatever its size: one
 * lookup of the stored objects and one of their versions per chunk of keys, one batched insert of the
 * new objects, one of the versions, one batched flag update.
 */
final class BatchWrite {
    private static final String INSERT = """
            INSERT INTO object_versions
                (collection_pk, object_pk, object_id, version_key, type, spec_version, date_added, is_first, is_last, json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_OBJECT = "INSERT INTO objects (pk, collection_pk, id_key) VALUES (?, ?, ?)";
    private static final String INSERT_OBJECTS_FROM_ARRAYS = "INSERT INTO objects (pk, collection_pk, id_key)"
            + " SELECT pk, ?, id_key FROM unnest(?::bigint[], ?::bigint[]) AS o(pk, id_key)";

    private record Key(String objectId, long versionKey) {}

    /** A version of this batch that is not stored yet; arrival orders it after everything stored. */
    private record Added(NewVersion version, long versionKey, long dateAdded, long arrival) {
        VersionRank rank() {
            return new VersionRank(VersionKey.effective(versionKey, dateAdded), arrival);
        }
    }

    private final DateAddedClock clock;

    BatchWrite(DateAddedClock clock) {
        this.clock = clock;
    }

    /** {@code numbered} takes the numbers of the batch's ids ({@link ObjectKeys}), for later writes of the transaction. */
    List<WriteOutcome> run(Handle handle, long collection, List<NewVersion> batch, Map<String, Long> numbered) {
        // Locks the clock before reading, so no other writer can add the same versions meanwhile.
        long nextDateAdded = clock.lockNext(handle);
        Map<String, Long> hashById = new HashMap<>();
        batch.forEach(version -> hashById.computeIfAbsent(version.id(), ObjectIdHash::of));
        StoredVersionLookup.Stored found = lookUp(handle, collection, hashById);
        numbered.putAll(found.idKeys());
        Map<String, List<StoredRow>> stored = found.versions();

        Set<Key> present = new HashSet<>();
        stored.values().forEach(rows -> rows.forEach(row -> present.add(new Key(row.objectId(), row.versionKey()))));
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        List<Added> added = new ArrayList<>();
        for (NewVersion version : batch) {
            long versionKey = VersionKey.of(version.version());
            if (present.add(new Key(version.id(), versionKey))) {
                // Far above any sequence number, and in batch order.
                long arrival = Long.MAX_VALUE / 2 + added.size();
                added.add(new Added(version, versionKey, nextDateAdded + added.size(), arrival));
                outcomes.add(WriteOutcome.ADDED);
            } else {
                outcomes.add(WriteOutcome.ALREADY_PRESENT);
            }
        }
        if (added.isEmpty()) return outcomes;

        Map<String, FirstAndLast> ends = firstAndLastPerObject(stored, added);
        Map<String, Long> objectKeys = addObjects(handle, collection, found.objectKeys(), hashById, added, numbered);
        insert(handle, collection, added, objectKeys, ends);
        updateFlags(handle, stored, ends);
        clock.advanceTo(handle, nextDateAdded + added.size() - 1);
        return outcomes;
    }

    private static StoredVersionLookup.Stored lookUp(Handle handle, long collection, Map<String, Long> hashById) {
        try {
            return StoredVersionLookup.find(handle.getConnection(), collection, hashById);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot look up stored versions", e, null);
        }
    }

    /**
     * Gives each object of the batch that is not stored in the collection yet the next free key, in batch order,
     * and stores it under its id's number ({@link ObjectKeys}, numbering the ids new to the node). The clock lock
     * held by this transaction keeps other writers from taking the same keys.
     *
     * @return the key of every object of the batch
     */
    private static Map<String, Long> addObjects(Handle handle, long collection, Map<String, Long> storedKeys,
            Map<String, Long> hashById, List<Added> added, Map<String, Long> numbered) {
        Map<String, Long> keys = new HashMap<>(storedKeys);
        Set<String> newIds = new LinkedHashSet<>();
        for (Added version : added) {
            if (!keys.containsKey(version.version().id())) newIds.add(version.version().id());
        }
        if (newIds.isEmpty()) return keys;
        Connection connection = handle.getConnection();
        // numbered holds the numbers of the ids found already (run put them there); the others get theirs here.
        numbered.putAll(ObjectKeys.add(connection, newIds.stream().filter(id -> !numbered.containsKey(id)).toList(), hashById::get));
        try (PreparedStatement last = connection.prepareStatement("SELECT MAX(pk) FROM objects")) {
            long next;
            try (ResultSet rs = last.executeQuery()) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            for (String id : newIds) keys.put(id, next++);
            if (connection.isWrapperFor(PGConnection.class)) {
                insertObjectsAsArrays(connection, collection, newIds, keys, numbered);
            } else {
                insertObjects(connection, collection, newIds, keys, numbered);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot insert objects", e, null);
        }
        return keys;
    }

    private static void insertObjects(Connection connection, long collection, Set<String> ids, Map<String, Long> keys,
            Map<String, Long> idKeys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_OBJECT)) {
            for (String id : ids) {
                insert.setLong(1, keys.get(id));
                insert.setLong(2, collection);
                insert.setLong(3, idKeys.get(id));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * PostgreSQL: one statement with the rows as arrays. Batched single-row inserts (even rewritten into
     * multi-row VALUES by the driver) cost the server about as much per row as a version's insert.
     */
    private static void insertObjectsAsArrays(Connection connection, long collection, Set<String> ids,
            Map<String, Long> keys, Map<String, Long> idKeys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_OBJECTS_FROM_ARRAYS)) {
            Array pks = connection.createArrayOf("bigint", ids.stream().map(keys::get).toArray());
            Array numbers = connection.createArrayOf("bigint", ids.stream().map(idKeys::get).toArray());
            insert.setLong(1, collection);
            insert.setArray(2, pks);
            insert.setArray(3, numbers);
            insert.executeUpdate();
        }
    }

    private static Map<String, FirstAndLast> firstAndLastPerObject(
            Map<String, List<StoredRow>> stored, List<Added> added) {
        Map<String, List<VersionRank>> ranks = new LinkedHashMap<>();
        for (Added version : added) {
            ranks.computeIfAbsent(version.version().id(), id -> new ArrayList<>()).add(version.rank());
        }
        Map<String, FirstAndLast> ends = new HashMap<>();
        ranks.forEach((id, objectRanks) -> {
            stored.getOrDefault(id, List.of()).forEach(row -> objectRanks.add(row.rank()));
            ends.put(id, FirstAndLast.among(objectRanks));
        });
        return ends;
    }

    /** Plain JDBC: binding by position costs a fraction of JDBI's named binding, 10 values × 10,000 rows a batch. */
    private static void insert(Handle handle, long collection, List<Added> added, Map<String, Long> objectKeys,
            Map<String, FirstAndLast> ends) {
        try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT)) {
            for (Added version : added) {
                FirstAndLast objectEnds = ends.get(version.version().id());
                VersionRank rank = version.rank();
                insert.setLong(1, collection);
                insert.setLong(2, objectKeys.get(version.version().id()));
                insert.setString(3, version.version().id());
                insert.setLong(4, version.versionKey());
                insert.setString(5, version.version().type());
                insert.setString(6, version.version().specVersion());
                insert.setLong(7, version.dateAdded());
                insert.setInt(8, rank.equals(objectEnds.first()) ? 1 : 0);
                insert.setInt(9, rank.equals(objectEnds.last()) ? 1 : 0);
                insert.setString(10, version.version().json());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot insert versions", e, null);
        }
    }

    /** Stored versions that stop being first or last because of this batch. */
    private static void updateFlags(Handle handle, Map<String, List<StoredRow>> stored, Map<String, FirstAndLast> ends) {
        FlagCorrections corrections = new FlagCorrections(handle);
        ends.forEach((id, objectEnds) -> stored.getOrDefault(id, List.of()).forEach(row -> corrections.check(row, objectEnds)));
        corrections.execute();
    }
}
