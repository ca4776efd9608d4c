package org.entente.store.jdbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;
import org.entente.store.CorrelationBatch;
import org.entente.store.IndexedObject;
import org.entente.store.ObjectLink;
import org.entente.store.Occurrence;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes one correlation batch inside the caller's transaction, with a few batched statements per table. */
final class CorrelationWrite {
    private record OccurrenceKey(long observable, long object, long member) {}

    private CorrelationWrite() {}

    static List<Occurrence> run(Handle handle, CorrelationBatch batch) {
        Set<MemberId> members = new HashSet<>();
        batch.objects().forEach(o -> members.add(o.origin()));
        batch.occurrences().forEach(o -> members.add(o.member()));
        Map<MemberId, Long> memberPks = CorrelationKeys.ensureMembers(handle, members);
        Map<String, Long> objectPks = objects(handle, batch, memberPks);
        Set<Observable> observables = new HashSet<>();
        batch.occurrences().forEach(o -> observables.add(o.observable()));
        Map<Observable, Long> observablePks = CorrelationKeys.ensureObservables(handle, observables);
        List<Occurrence> added = occurrences(handle, batch.occurrences(), observablePks, objectPks, memberPks);
        links(handle, batch.links(), objectPks);
        return added;
    }

    /** Adds or updates the batch's objects and adds placeholders for link targets; the numbers of all. */
    private static Map<String, Long> objects(Handle handle, CorrelationBatch batch, Map<MemberId, Long> memberPks) {
        Map<String, IndexedObject> newest = new LinkedHashMap<>();
        for (IndexedObject o : batch.objects()) {
            newest.merge(o.id(), o, (a, b) -> VersionKey.of(b.version()) > VersionKey.of(a.version()) ? b : a);
        }
        Set<String> ids = new HashSet<>(newest.keySet());
        batch.links().forEach(l -> ids.add(l.toId()));
        batch.occurrences().forEach(o -> ids.add(o.objectId()));
        Map<String, Long> pks = CorrelationKeys.invert(CorrelationKeys.objectPks(handle, ids));

        PreparedBatch update = handle.prepareBatch("""
                UPDATE correlation_objects SET type = :type, version_key = :version, origin_pk = :origin
                WHERE pk = :pk AND (version_key IS NULL OR version_key < :version)""");
        PreparedBatch insert = handle.prepareBatch("""
                INSERT INTO correlation_objects (id_hash, object_id, type, version_key, origin_pk)
                VALUES (:hash, :id, :type, :version, :origin)""");
        List<String> inserted = new ArrayList<>();
        for (String id : ids) {
            IndexedObject o = newest.get(id);
            Long pk = pks.get(id);
            if (pk != null) {
                if (o != null) {
                    update.bind("type", o.type()).bind("version", VersionKey.of(o.version()))
                            .bind("origin", memberPks.get(o.origin())).bind("pk", pk).add();
                }
                continue;
            }
            // An id only referenced so far: its type is the prefix every STIX id carries (section 2.9).
            int dashes = id.indexOf("--");
            insert.bind("hash", KeyHash.of(id)).bind("id", id)
                    .bind("type", o != null ? o.type() : dashes > 0 ? id.substring(0, dashes) : "unknown")
                    .bind("version", o != null ? (Long) VersionKey.of(o.version()) : null)
                    .bind("origin", o != null ? memberPks.get(o.origin()) : null)
                    .add();
            inserted.add(id);
        }
        if (update.size() > 0) update.execute();
        if (insert.size() > 0) {
            insert.execute();
            pks.putAll(CorrelationKeys.invert(CorrelationKeys.objectPks(handle, inserted)));
        }
        return pks;
    }

    private static List<Occurrence> occurrences(Handle handle, List<Occurrence> occurrences,
            Map<Observable, Long> observablePks, Map<String, Long> objectPks, Map<MemberId, Long> memberPks) {
        Map<OccurrenceKey, Occurrence> latest = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            OccurrenceKey key = new OccurrenceKey(observablePks.get(o.observable()), objectPks.get(o.objectId()), memberPks.get(o.member()));
            latest.merge(key, o, (a, b) -> b.seen().isAfter(a.seen()) ? b : a);
        }
        if (latest.isEmpty()) return List.of();
        // Which rows exist is read first rather than taken from the batch's update counts: PostgreSQL's
        // driver may report batched inserts as SUCCESS_NO_INFO. The serial writer keeps this read current.
        Set<OccurrenceKey> existing = existing(handle, latest.keySet());
        PreparedBatch insert = handle.prepareBatch("""
                INSERT INTO correlation_occurrences (observable_pk, object_pk, member_pk, seen)
                VALUES (:observable, :object, :member, :seen)
                ON CONFLICT (observable_pk, object_pk, member_pk) DO NOTHING""");
        PreparedBatch laterSeen = handle.prepareBatch("""
                UPDATE correlation_occurrences SET seen = :seen
                WHERE observable_pk = :observable AND object_pk = :object AND member_pk = :member AND seen < :seen""");
        List<Occurrence> added = new ArrayList<>();
        latest.forEach((key, o) -> {
            if (existing.contains(key)) {
                bindOccurrence(laterSeen, key, o).add();
            } else {
                bindOccurrence(insert, key, o).add();
                added.add(o);
            }
        });
        if (insert.size() > 0) insert.execute();
        if (laterSeen.size() > 0) laterSeen.execute();
        return added;
    }

    private static Set<OccurrenceKey> existing(Handle handle, Set<OccurrenceKey> keys) {
        List<Long> observables = keys.stream().map(OccurrenceKey::observable).distinct().toList();
        Set<OccurrenceKey> existing = new HashSet<>();
        for (List<Long> chunk : CorrelationKeys.chunks(observables)) {
            handle.createQuery("SELECT observable_pk, object_pk, member_pk FROM correlation_occurrences WHERE observable_pk IN (<pks>)")
                    .bindList("pks", chunk)
                    .map((rs, ctx) -> new OccurrenceKey(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                    .filter(keys::contains)
                    .forEach(existing::add);
        }
        return existing;
    }

    private static PreparedBatch bindOccurrence(PreparedBatch batch, OccurrenceKey key, Occurrence o) {
        return batch.bind("observable", key.observable()).bind("object", key.object()).bind("member", key.member())
                .bind("seen", EpochMicros.of(o.seen()));
    }

    private static void links(Handle handle, List<ObjectLink> links, Map<String, Long> objectPks) {
        if (links.isEmpty()) return;
        PreparedBatch insert = handle.prepareBatch("""
                INSERT INTO correlation_links (from_pk, to_pk) VALUES (:from, :to)
                ON CONFLICT (from_pk, to_pk) DO NOTHING""");
        for (ObjectLink link : new java.util.LinkedHashSet<>(links)) {
            insert.bind("from", objectPks.get(link.fromId())).bind("to", objectPks.get(link.toId())).add();
        }
        insert.execute();
    }
}
