package org.entente.store.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;
import org.entente.store.CorrelationBatch;
import org.entente.store.IndexedAdditions;
import org.entente.store.IndexedObject;
import org.entente.store.ObjectLink;
import org.entente.store.Occurrence;
import org.entente.store.PendingReference;
import org.entente.store.jdbc.CorrelationKeys.ObjectRow;
import org.jdbi.v3.core.Handle;

/**
 * Writes one correlation batch inside the caller's transaction: a few lookups by hash, then one batched
 * statement per table, on integer keys throughout.
 *
 * <p>An object takes the batch's version only when it is newer than the one indexed. A version indexed
 * already (the same version stored in another collection, or read again after a restart) or an older one
 * adds nothing, with its occurrences and references. A newer version replaces what the object carried:
 * its occurrences and references that the new version no longer has are removed, so that an observable an
 * object stopped carrying stops counting for it. An object that was referenced before it came may resolve
 * pending references to it ({@link LateReferences}).
 */
final class CorrelationWrite {
    private record OccurrenceKey(long observable, long object, long member) {}

    private record LinkKey(long from, long to) {}

    private CorrelationWrite() {}

    static IndexedAdditions run(Handle handle, CorrelationBatch batch) {
        Map<String, IndexedObject> newest = new LinkedHashMap<>();
        for (IndexedObject o : batch.objects()) {
            newest.merge(o.id(), o, (a, b) -> VersionKey.of(b.version()) > VersionKey.of(a.version()) ? b : a);
        }
        Set<String> ids = new HashSet<>(newest.keySet());
        batch.links().forEach(l -> ids.add(l.toId()));
        batch.pending().forEach(p -> ids.add(p.refId()));
        CorrelationKeys.ObjectLookup found = CorrelationKeys.lookUpObjects(handle, ids);
        Map<String, ObjectRow> rows = found.rows();

        // Which of the batch's objects change the index, which of those had a version indexed before, and
        // which were referenced before they came (late: they may have pending references to resolve).
        Map<String, IndexedObject> taken = new LinkedHashMap<>();
        Set<String> replaced = new HashSet<>();
        Set<String> late = new HashSet<>();
        for (IndexedObject o : newest.values()) {
            ObjectRow row = rows.get(o.id());
            if (row == null || row.versionKey() == null) {
                taken.put(o.id(), o);
                if (row != null) late.add(o.id());
            } else if (VersionKey.of(o.version()) > row.versionKey()) {
                taken.put(o.id(), o);
                replaced.add(o.id());
            }
        }
        if (taken.isEmpty()) return IndexedAdditions.none();
        List<Occurrence> occurrences = new ArrayList<>(batch.occurrences().stream().filter(o -> taken.containsKey(o.objectId())).toList());
        List<ObjectLink> links = batch.links().stream().filter(l -> taken.containsKey(l.fromId())).toList();
        // A reference to an object indexed before or in this batch was resolved by the indexer.
        List<PendingReference> pending = batch.pending().stream().filter(p -> taken.containsKey(p.objectId())
                && !taken.containsKey(p.refId()) && (rows.get(p.refId()) == null || rows.get(p.refId()).versionKey() == null)).toList();

        Set<MemberId> members = new HashSet<>();
        taken.values().forEach(o -> members.add(o.origin()));
        occurrences.forEach(o -> members.add(o.member()));
        pending.forEach(p -> members.add(p.member()));
        Map<MemberId, Long> memberPks = CorrelationKeys.ensureMembers(handle, members);
        Map<String, Long> objectPks = objects(handle, taken, links, pending, found, memberPks);
        List<Long> replacedPks = replaced.stream().map(objectPks::get).toList();

        List<Occurrence> resolved = LateReferences.resolve(handle, late, occurrences, objectPks, memberPks);
        occurrences.addAll(resolved);
        List<Long> readPks = new ArrayList<>(replacedPks);
        resolved.forEach(o -> readPks.add(objectPks.get(o.objectId())));
        LateReferences.record(handle, pending, replacedPks, objectPks, memberPks);

        Set<Observable> observables = new HashSet<>();
        occurrences.forEach(o -> observables.add(o.observable()));
        CorrelationKeys.ObservableKeys observableKeys = CorrelationKeys.ensureObservables(handle, observables);
        List<Occurrence> added = occurrences(handle, occurrences, readPks, Set.copyOf(replacedPks), observableKeys.pks(), objectPks, memberPks);
        links(handle, links, replacedPks, objectPks);
        return new IndexedAdditions(added, observableKeys.added());
    }

    /**
     * Inserts the new objects and the placeholders of link targets not present yet, updates the taken ones
     * present; returns the numbers of every object the batch names. A new row names its object by the id's number
     * ({@link ObjectKeys}), given here to an id that has none yet (one only referenced, never stored).
     */
    private static Map<String, Long> objects(Handle handle, Map<String, IndexedObject> taken, List<ObjectLink> links,
            List<PendingReference> pending, CorrelationKeys.ObjectLookup found, Map<MemberId, Long> memberPks) {
        Map<String, Long> pks = new HashMap<>();
        found.rows().forEach((id, row) -> pks.put(id, row.pk()));
        List<IndexedObject> updates = new ArrayList<>();
        Map<String, IndexedObject> inserts = new LinkedHashMap<>();
        for (IndexedObject o : taken.values()) {
            if (pks.containsKey(o.id())) updates.add(o);
            else inserts.put(o.id(), o);
        }
        for (ObjectLink link : links) {
            if (!pks.containsKey(link.toId())) inserts.putIfAbsent(link.toId(), null);
        }
        for (PendingReference p : pending) {
            if (!pks.containsKey(p.refId())) inserts.putIfAbsent(p.refId(), null);
        }
        Jdbc.batch(handle, "UPDATE correlation_objects SET type = ?, version_key = ?, origin_pk = ? WHERE pk = ?", updates, (update, o) -> {
            update.setString(1, o.type());
            update.setLong(2, VersionKey.of(o.version()));
            update.setLong(3, memberPks.get(o.origin()));
            update.setLong(4, pks.get(o.id()));
        });
        if (inserts.isEmpty()) return pks;
        Map<String, Long> idKeys = new HashMap<>(found.idKeys());
        List<String> unnumbered = inserts.keySet().stream().filter(id -> !idKeys.containsKey(id)).toList();
        idKeys.putAll(ObjectKeys.add(handle.getConnection(), unnumbered, ObjectIdHash::of));
        Map<Long, String> insertedIds = new HashMap<>();
        inserts.keySet().forEach(id -> insertedIds.put(idKeys.get(id), id));
        long before = CorrelationKeys.maxPk(handle, "correlation_objects");
        Jdbc.batch(handle, "INSERT INTO correlation_objects (object_key, type, version_key, origin_pk) VALUES (?, ?, ?, ?)",
                inserts.entrySet(), (insert, entry) -> {
                    String id = entry.getKey();
                    IndexedObject o = entry.getValue();
                    insert.setLong(1, idKeys.get(id));
                    if (o != null) {
                        insert.setString(2, o.type());
                        insert.setLong(3, VersionKey.of(o.version()));
                        insert.setLong(4, memberPks.get(o.origin()));
                    } else {
                        // Only referenced so far: its type is the prefix every STIX id carries (section 2.9).
                        int dashes = id.indexOf("--");
                        insert.setString(2, dashes > 0 ? id.substring(0, dashes) : "unknown");
                        insert.setNull(3, java.sql.Types.BIGINT);
                        insert.setNull(4, java.sql.Types.BIGINT);
                    }
                });
        // Keys are never reused, so the rows just added lie above the highest key before the insert.
        handle.createQuery("SELECT pk, object_key FROM correlation_objects WHERE pk > :before")
                .bind("before", before)
                .map((rs, ctx) -> Map.entry(rs.getLong(2), rs.getLong(1)))
                .forEach(e -> {
                    String id = insertedIds.get(e.getKey());
                    if (id != null) pks.putIfAbsent(id, e.getValue());
                });
        return pks;
    }

    /**
     * Adds the occurrences not present, moves the time seen of those present forward, and removes the rows of
     * the {@code replaced} objects that their new version no longer carries. Rows are read only for the
     * objects of {@code readPks} (the replaced ones and those gaining resolved references): an object new to
     * the index has none.
     */
    private static List<Occurrence> occurrences(Handle handle, List<Occurrence> occurrences, List<Long> readPks, Set<Long> replaced,
            Map<Observable, Long> observablePks, Map<String, Long> objectPks, Map<MemberId, Long> memberPks) {
        Map<OccurrenceKey, Occurrence> latest = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            OccurrenceKey key = new OccurrenceKey(observablePks.get(o.observable()), objectPks.get(o.objectId()), memberPks.get(o.member()));
            latest.merge(key, o, (a, b) -> b.seen().isAfter(a.seen()) ? b : a);
        }
        Map<OccurrenceKey, Long> before = new HashMap<>();
        for (List<Long> chunk : CorrelationKeys.chunks(List.copyOf(new LinkedHashSet<>(readPks)))) {
            handle.createQuery("SELECT observable_pk, object_pk, member_pk, seen FROM correlation_occurrences WHERE object_pk IN (<pks>)")
                    .bindList("pks", chunk)
                    .map((rs, ctx) -> Map.entry(new OccurrenceKey(rs.getLong(1), rs.getLong(2), rs.getLong(3)), rs.getLong(4)))
                    .forEach(e -> before.put(e.getKey(), e.getValue()));
        }
        List<OccurrenceKey> gone = before.keySet().stream().filter(key -> replaced.contains(key.object()) && !latest.containsKey(key)).toList();
        Jdbc.batch(handle, "DELETE FROM correlation_occurrences WHERE observable_pk = ? AND object_pk = ? AND member_pk = ?", gone,
                (delete, key) -> {
                    delete.setLong(1, key.observable());
                    delete.setLong(2, key.object());
                    delete.setLong(3, key.member());
                });
        List<Occurrence> added = new ArrayList<>();
        List<Map.Entry<OccurrenceKey, Occurrence>> inserts = new ArrayList<>();
        List<Map.Entry<OccurrenceKey, Occurrence>> laterSeen = new ArrayList<>();
        for (Map.Entry<OccurrenceKey, Occurrence> entry : latest.entrySet()) {
            Long seen = before.get(entry.getKey());
            if (seen == null) {
                inserts.add(entry);
                added.add(entry.getValue());
            } else if (EpochMicros.of(entry.getValue().seen()) > seen) {
                laterSeen.add(entry);
            }
        }
        Jdbc.batch(handle, """
                INSERT INTO correlation_occurrences (observable_pk, object_pk, member_pk, seen) VALUES (?, ?, ?, ?)
                ON CONFLICT (observable_pk, object_pk, member_pk) DO NOTHING""",
                inserts, (insert, entry) -> {
                    insert.setLong(1, entry.getKey().observable());
                    insert.setLong(2, entry.getKey().object());
                    insert.setLong(3, entry.getKey().member());
                    insert.setLong(4, EpochMicros.of(entry.getValue().seen()));
                });
        Jdbc.batch(handle, "UPDATE correlation_occurrences SET seen = ? WHERE observable_pk = ? AND object_pk = ? AND member_pk = ?",
                laterSeen, (update, entry) -> {
                    update.setLong(1, EpochMicros.of(entry.getValue().seen()));
                    update.setLong(2, entry.getKey().observable());
                    update.setLong(3, entry.getKey().object());
                    update.setLong(4, entry.getKey().member());
                });
        return added;
    }

    private static void links(Handle handle, List<ObjectLink> links, List<Long> replacedPks, Map<String, Long> objectPks) {
        Set<LinkKey> wanted = new LinkedHashSet<>();
        for (ObjectLink link : links) wanted.add(new LinkKey(objectPks.get(link.fromId()), objectPks.get(link.toId())));
        Set<LinkKey> before = new HashSet<>();
        for (List<Long> chunk : CorrelationKeys.chunks(replacedPks)) {
            handle.createQuery("SELECT from_pk, to_pk FROM correlation_links WHERE from_pk IN (<pks>)")
                    .bindList("pks", chunk)
                    .map((rs, ctx) -> new LinkKey(rs.getLong(1), rs.getLong(2)))
                    .forEach(before::add);
        }
        List<LinkKey> gone = before.stream().filter(key -> !wanted.contains(key)).toList();
        Jdbc.batch(handle, "DELETE FROM correlation_links WHERE from_pk = ? AND to_pk = ?", gone, (delete, key) -> {
            delete.setLong(1, key.from());
            delete.setLong(2, key.to());
        });
        List<LinkKey> inserts = wanted.stream().filter(key -> !before.contains(key)).toList();
        // A new object has no rows yet; the conflict clause covers a reference repeated in a batch's objects.
        Jdbc.batch(handle, "INSERT INTO correlation_links (from_pk, to_pk) VALUES (?, ?) ON CONFLICT (from_pk, to_pk) DO NOTHING", inserts,
                (insert, key) -> {
                    insert.setLong(1, key.from());
                    insert.setLong(2, key.to());
                });
    }
}
