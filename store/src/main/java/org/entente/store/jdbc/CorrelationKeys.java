package org.entente.store.jdbc;

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
 * tables. Observables and objects are looked up by their 64-bit hash and then compared in full, so a hash
 * collision costs a row read, never a wrong answer.
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
            byHash.computeIfAbsent(KeyHash.of(o.key()), h -> new ArrayList<>()).add(o);
        }
        Map<Long, Observable> found = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(byHash.keySet()))) {
            handle.createQuery("SELECT pk, key_hash, kind, value FROM correlation_observables WHERE key_hash IN (<hashes>)")
                    .bindList("hashes", chunk)
                    .map((rs, ctx) -> {
                        Observable row = JdbcCorrelationStore.observable(rs.getString(3), rs.getString(4));
                        return byHash.getOrDefault(rs.getLong(2), List.of()).contains(row) ? Map.entry(rs.getLong(1), row) : null;
                    })
                    .forEach(e -> {
                        if (e != null) found.put(e.getKey(), e.getValue());
                    });
        }
        return found;
    }

    /** The numbers of the object ids already present (indexed or only referenced). */
    static Map<Long, String> objectPks(Handle handle, Collection<String> objectIds) {
        Map<Long, List<String>> byHash = new HashMap<>();
        for (String id : new LinkedHashSet<>(objectIds)) byHash.computeIfAbsent(KeyHash.of(id), h -> new ArrayList<>()).add(id);
        Map<Long, String> found = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(byHash.keySet()))) {
            handle.createQuery("SELECT pk, id_hash, object_id FROM correlation_objects WHERE id_hash IN (<hashes>)")
                    .bindList("hashes", chunk)
                    .map((rs, ctx) -> byHash.getOrDefault(rs.getLong(2), List.of()).contains(rs.getString(3))
                            ? Map.entry(rs.getLong(1), rs.getString(3)) : null)
                    .forEach(e -> {
                        if (e != null) found.put(e.getKey(), e.getValue());
                    });
        }
        return found;
    }

    /** An object's row: its number, and its indexed version key (null for an object only referenced so far). */
    record ObjectRow(long pk, Long versionKey) {}

    /** The rows of the object ids already present (indexed or only referenced). */
    static Map<String, ObjectRow> objectRows(Handle handle, Collection<String> objectIds) {
        Map<Long, List<String>> byHash = new HashMap<>();
        for (String id : objectIds) byHash.computeIfAbsent(KeyHash.of(id), h -> new ArrayList<>(1)).add(id);
        Map<String, ObjectRow> found = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(byHash.keySet()))) {
            handle.createQuery("SELECT pk, id_hash, object_id, version_key FROM correlation_objects WHERE id_hash IN (<hashes>)")
                    .bindList("hashes", chunk)
                    .map((rs, ctx) -> {
                        String id = rs.getString(3);
                        if (!byHash.getOrDefault(rs.getLong(2), List.of()).contains(id)) return null;
                        long version = rs.getLong(4);
                        Long versionKey = rs.wasNull() ? null : version; // before the next column is read
                        return Map.entry(id, new ObjectRow(rs.getLong(1), versionKey));
                    })
                    .forEach(e -> {
                        if (e != null) found.put(e.getKey(), e.getValue());
                    });
        }
        return found;
    }

    /** The numbers of the observables, adding those not yet indexed. */
    static Map<Observable, Long> ensureObservables(Handle handle, Set<Observable> observables) {
        Map<Observable, Long> pks = invert(observablePks(handle, observables));
        List<Observable> missing = observables.stream().filter(o -> !pks.containsKey(o)).toList();
        if (missing.isEmpty()) return pks;
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
        return pks;
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
        for (List<String> chunk : chunks(ids)) {
            handle.createQuery("SELECT pk, member_id FROM correlation_members WHERE member_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(new MemberId(rs.getString(2)), rs.getLong(1)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    static <K, V> Map<V, K> invert(Map<K, V> map) {
        Map<V, K> inverted = new HashMap<>();
        map.forEach((k, v) -> inverted.put(v, k));
        return inverted;
    }
}
