package org.entente.store.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;
import org.entente.store.Occurrence;
import org.entente.store.PendingReference;
import org.jdbi.v3.core.Handle;

/**
 * The {@code correlation_pending} rows: references whose target was not indexed when the object holding them
 * was (a sighting of an indicator that arrives later). They are kept until the target comes, whose
 * observables then count for the object holding the reference as if the target had come first.
 */
final class LateReferences {
    private record Row(long ref, long object, long member, long seen) {}

    private LateReferences() {}

    /** Records the batch's pending references, replacing those of the objects whose version was replaced. */
    static void record(Handle handle, List<PendingReference> pending, List<Long> replacedPks, Map<String, Long> objectPks,
            Map<MemberId, Long> memberPks) {
        Jdbc.batch(handle, "DELETE FROM correlation_pending WHERE object_pk = ?", replacedPks, (delete, pk) -> delete.setLong(1, pk));
        Jdbc.batch(handle, """
                INSERT INTO correlation_pending (ref_pk, object_pk, member_pk, seen) VALUES (?, ?, ?, ?)
                ON CONFLICT (ref_pk, object_pk, member_pk) DO NOTHING""", pending, (insert, p) -> {
            insert.setLong(1, objectPks.get(p.refId()));
            insert.setLong(2, objectPks.get(p.objectId()));
            insert.setLong(3, memberPks.get(p.member()));
            insert.setLong(4, EpochMicros.of(p.seen()));
        });
    }

    /**
     * The occurrences that objects indexed before gain from the {@code late} objects of this batch (those that
     * were referenced before they came), from the batch's occurrences of those; their pending rows go. Fills
     * {@code objectPks} and {@code memberPks} with the objects and members of the occurrences returned.
     */
    static List<Occurrence> resolve(Handle handle, Set<String> late, List<Occurrence> occurrences, Map<String, Long> objectPks,
            Map<MemberId, Long> memberPks) {
        if (late.isEmpty()) return List.of();
        List<Long> latePks = late.stream().map(objectPks::get).toList();
        List<Row> rows = new ArrayList<>();
        for (List<Long> chunk : CorrelationKeys.chunks(latePks)) {
            handle.createQuery("SELECT ref_pk, object_pk, member_pk, seen FROM correlation_pending WHERE ref_pk IN (<pks>)")
                    .bindList("pks", chunk)
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .forEach(rows::add);
        }
        if (rows.isEmpty()) return List.of();
        Jdbc.batch(handle, "DELETE FROM correlation_pending WHERE ref_pk = ?", latePks, (delete, pk) -> delete.setLong(1, pk));

        Map<Long, String> objectIds = new HashMap<>();
        Map<Long, MemberId> members = new HashMap<>();
        for (List<Long> chunk : CorrelationKeys.chunks(rows.stream().map(Row::object).distinct().toList())) {
            handle.createQuery("SELECT c.pk, i.object_id FROM correlation_objects c JOIN object_ids i ON i.pk = c.object_key WHERE c.pk IN (<pks>)")
                    .bindList("pks", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> objectIds.put(e.getKey(), e.getValue()));
        }
        for (List<Long> chunk : CorrelationKeys.chunks(rows.stream().map(Row::member).distinct().toList())) {
            handle.createQuery("SELECT pk, member_id FROM correlation_members WHERE pk IN (<pks>)")
                    .bindList("pks", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new MemberId(rs.getString(2))))
                    .forEach(e -> members.put(e.getKey(), e.getValue()));
        }
        Map<String, Set<Observable>> carried = new HashMap<>();
        for (Occurrence o : occurrences) {
            if (late.contains(o.objectId())) carried.computeIfAbsent(o.objectId(), id -> new LinkedHashSet<>()).add(o.observable());
        }
        Map<Long, String> lateIds = new HashMap<>();
        late.forEach(id -> lateIds.put(objectPks.get(id), id));

        List<Occurrence> resolved = new ArrayList<>();
        for (Row row : rows) {
            String objectId = objectIds.get(row.object());
            MemberId member = members.get(row.member());
            objectPks.put(objectId, row.object());
            memberPks.put(member, row.member());
            for (Observable observable : carried.getOrDefault(lateIds.get(row.ref()), Set.of())) {
                resolved.add(new Occurrence(observable, objectId, member, EpochMicros.toInstant(row.seen())));
            }
        }
        return resolved;
    }
}
