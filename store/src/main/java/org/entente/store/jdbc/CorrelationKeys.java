package org.entente.store.jdbc;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;
import org.jdbi.v3.core.Handle;

/**
 * Finds and adds the rows that give observables, objects and members their numbers in the correlation
 * tables. Observables are looked up by their 64-bit hash and objects by their ids' numbers in object_ids, found
 * by the ids' hash; both are then compared in full, so a hash collision costs a row read, never a wrong answer.
 */
final class CorrelationKeys {
    /** Values per IN list: well below the bound-parameter limits of both dialects. */
    private static final int CHUNK = 400;

    private CorrelationKeys() {}

    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            chunks.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** The numbers of the observables already indexed. */
    static Map<Long, Observable> observablePks(Handle handle, Collection<Observable> observables) {
        Map<Long, List<Observable>> byHash = new HashMap<>();
        for (Observable o : new LinkedHashSet<>(observables)) {
            byHash.computeIfAbsent(KeyHash.of(o.key()), h -> new ArrayList<>(1)).add(o);
        }
        Map<Long, Observable> found = new HashMap<>();
        Jdbc.lookup(handle, "SELECT pk, key_hash, kind, value FROM correlation_observables WHERE key_hash IN (<keys>)",
                List.copyOf(byHash.keySet()), PreparedStatement::setLong, rs -> {
                    Observable row = JdbcCorrelationStore.observable(rs.getString(3), rs.getString(4));
                    if (byHash.getOrDefault(rs.getLong(2), List.of()).contains(row)) found.put(rs.getLong(1), row);
                });
        return found;
    }

    /** The numbers of the object ids already present (indexed or only referenced). */
    static Map<Long, String> objectPks(Handle handle, Collection<String> objectIds) {
        Map<Long, String> found = new HashMap<>();
        objectRows(handle, objectIds).forEach((id, row) -> found.put(row.pk(), id));
        return found;
    }

    /** An object's row: its number, and its indexed version key (null for an object only referenced so far). */
    record ObjectRow(long pk, Long versionKey) {}

    /**
     * What is present of some object ids: the node-wide number ({@link ObjectKeys}) of each id that has one, and
     * the rows of those the index holds (indexed or only referenced).
     */
    record ObjectLookup(Map<String, Long> idKeys, Map<String, ObjectRow> rows) {}

    /** The rows of the object ids already present (indexed or only referenced). */
    static Map<String, ObjectRow> objectRows(Handle handle, Collection<String> objectIds) {
        return lookUpObjects(handle, objectIds).rows();
    }

    /** The ids' numbers and rows, found through object_ids (as {@link ObjectKeys#find}), one statement per chunk. */
    static ObjectLookup lookUpObjects(Handle handle, Collection<String> objectIds) {
        Map<Long, List<String>> byHash = ObjectKeys.byHash(objectIds);
        Map<String, Long> idKeys = new HashMap<>();
        Map<String, ObjectRow> rows = new HashMap<>();
        Jdbc.lookup(handle, """
                        SELECT i.pk, i.id_hash, i.object_id, c.pk, c.version_key
                        FROM object_ids i LEFT JOIN correlation_objects c ON c.object_key = i.pk
                        WHERE i.id_hash IN (<keys>)""",
                List.copyOf(byHash.keySet()), PreparedStatement::setLong, rs -> {
                    String id = rs.getString(3);
                    if (!byHash.getOrDefault(rs.getLong(2), List.of()).contains(id)) return;
                    idKeys.put(id, rs.getLong(1));
                    long pk = rs.getLong(4);
                    if (rs.wasNull()) return;
                    long version = rs.getLong(5);
                    Long versionKey = rs.wasNull() ? null : version; // before the next column is read
                    rows.put(id, new ObjectRow(pk, versionKey));
                });
        return new ObjectLookup(idKeys, rows);
    }

    /** The numbers of a set of observables, and those of them that had no row before (added just now). */
    record ObservableKeys(Map<Observable, Long> pks, Set<Observable> added) {}

    /** The numbers of the observables, adding those not yet indexed. */
    static ObservableKeys ensureObservables(Handle handle, Set<Observable> observables) {
        Map<Observable, Long> pks = invert(observablePks(handle, observables));
        List<Observable> missing = observables.stream().filter(o -> !pks.containsKey(o)).toList();
        if (missing.isEmpty()) return new ObservableKeys(pks, Set.of());
        long before = maxPk(handle, "correlation_observables");
        Jdbc.batch(handle, "INSERT INTO correlation_observables (key_hash, kind, value) VALUES (?, ?, ?)", missing, (insert, o) -> {
            insert.setLong(1, KeyHash.of(o.key()));
            insert.setString(2, o.kind().label());
            insert.setString(3, o.value());
        });
        // Keys are never reused, so the rows just added lie above the highest key before the insert.
        handle.createQuery("SELECT pk, kind, value FROM correlation_observables WHERE pk > :before")
                .bind("before", before)
                .map((rs, ctx) -> Map.entry(JdbcCorrelationStore.observable(rs.getString(2), rs.getString(3)), rs.getLong(1)))
                .forEach(e -> pks.putIfAbsent(e.getKey(), e.getValue()));
        return new ObservableKeys(pks, Set.copyOf(missing));
    }

    /** The highest key of a table with a never-reused key, 0 when empty. */
    static long maxPk(Handle handle, String table) {
        return handle.createQuery("SELECT COALESCE(MAX(pk), 0) FROM " + table).mapTo(Long.class).one();
    }

    /** The numbers of the members, adding those not yet known to the index. */
    static Map<MemberId, Long> ensureMembers(Handle handle, Set<MemberId> members) {
        List<String> ids = members.stream().map(MemberId::value).toList();
        Map<MemberId, Long> pks = memberPks(handle, ids);
        List<String> missing = ids.stream().filter(id -> !pks.containsKey(new MemberId(id))).toList();
        if (missing.isEmpty()) return pks;
        Jdbc.batch(handle, "INSERT INTO correlation_members (member_id) VALUES (?)", missing, (insert, id) -> insert.setString(1, id));
        pks.putAll(memberPks(handle, missing));
        return pks;
    }

    private static Map<MemberId, Long> memberPks(Handle handle, List<String> ids) {
        Map<MemberId, Long> found = new HashMap<>();
        Jdbc.lookup(handle, "SELECT pk, member_id FROM correlation_members WHERE member_id IN (<keys>)", ids, PreparedStatement::setString,
                rs -> found.put(new MemberId(rs.getString(2)), rs.getLong(1)));
        return found;
    }

    static <K, V> Map<V, K> invert(Map<K, V> map) {
        Map<V, K> inverted = new HashMap<>();
        map.forEach((k, v) -> inverted.put(v, k));
        return inverted;
    }
}
