package org.entente.store.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.observable.Observable;
import org.entente.core.observable.ObservableKind;
import org.entente.core.policy.MemberId;
import org.entente.store.CorrelationBatch;
import org.entente.store.CorrelationStore;
import org.entente.store.IndexedAdditions;
import org.entente.store.IndexedObject;
import org.entente.store.IndexedPage;
import org.entente.store.ObjectLink;
import org.entente.store.Occurrence;
import org.entente.store.StalePageException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class JdbcCorrelationStore implements CorrelationStore {
    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcCorrelationStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public long cursor() {
        return reads.withHandle(JdbcCorrelationStore::position);
    }

    @Override
    public long rereadTo() {
        return reads.withHandle(handle -> handle.createQuery("SELECT reread_to FROM correlation_position WHERE id = 1")
                .mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public List<Occurrence> index(long lastSeq, CorrelationBatch batch) {
        return writer.inTransaction(handle -> write(handle, lastSeq, batch)).occurrences();
    }

    @Override
    public IndexedAdditions indexPage(IndexedPage page, CorrelationBatch batch) {
        return writer.inTransaction(handle -> {
            long position = position(handle);
            if (position != page.afterSeq()) {
                throw new StalePageException("the index moved from seq " + page.afterSeq() + " to " + position + " while the page was read");
            }
            // Seqs only grow, so nothing new lands in the page's range: fewer versions there means a delete.
            long remaining = handle.createQuery("SELECT COUNT(*) FROM object_versions WHERE seq > :after AND seq <= :last")
                    .bind("after", page.afterSeq()).bind("last", page.lastSeq()).mapTo(Long.class).one();
            if (remaining != page.versions()) {
                throw new StalePageException(page.versions() - remaining + " versions of the page were deleted while it was read");
            }
            return write(handle, page.lastSeq(), batch);
        });
    }

    private static long position(Handle handle) {
        return handle.createQuery("SELECT last_seq FROM correlation_position WHERE id = 1").mapTo(Long.class).findOne().orElse(0L);
    }

    private static IndexedAdditions write(Handle handle, long lastSeq, CorrelationBatch batch) {
        IndexedAdditions added = batch.isEmpty() ? IndexedAdditions.none() : CorrelationWrite.run(handle, batch);
        handle.createUpdate("UPDATE correlation_position SET last_seq = :seq WHERE id = 1").bind("seq", lastSeq).execute();
        return added;
    }

    @Override
    public List<Occurrence> occurrencesOf(Collection<Observable> observables) {
        if (observables.isEmpty()) return List.of();
        return reads.withHandle(handle -> {
            Map<Long, Observable> byPk = CorrelationKeys.observablePks(handle, observables);
            Map<Long, MemberId> members = new HashMap<>();
            List<Occurrence> found = new ArrayList<>();
            Jdbc.lookup(handle, """
                            SELECT o.observable_pk, i.object_id, m.pk, m.member_id, o.seen
                            FROM correlation_occurrences o
                            JOIN correlation_objects ob ON ob.pk = o.object_pk
                            JOIN object_ids i ON i.pk = ob.object_key
                            JOIN correlation_members m ON m.pk = o.member_pk
                            WHERE o.observable_pk IN (<keys>)
                            ORDER BY o.observable_pk, o.seen, i.object_id""",
                    byPk.keySet().stream().sorted().toList(), PreparedStatement::setLong, rs -> {
                        MemberId member = members.get(rs.getLong(3));
                        if (member == null) {
                            member = new MemberId(rs.getString(4));
                            members.put(rs.getLong(3), member);
                        }
                        found.add(new Occurrence(byPk.get(rs.getLong(1)), rs.getString(2), member, EpochMicros.toInstant(rs.getLong(5))));
                    });
            return found;
        });
    }

    @Override
    public Map<String, List<Observable>> observablesOf(Collection<String> objectIds) {
        if (objectIds.isEmpty()) return Map.of();
        return reads.withHandle(handle -> {
            Map<Long, String> byPk = CorrelationKeys.objectPks(handle, objectIds);
            Map<String, List<Observable>> found = new LinkedHashMap<>();
            Jdbc.lookup(handle, """
                            SELECT DISTINCT o.object_pk, obs.kind, obs.value
                            FROM correlation_occurrences o
                            JOIN correlation_observables obs ON obs.pk = o.observable_pk
                            WHERE o.object_pk IN (<keys>)""",
                    List.copyOf(byPk.keySet()), PreparedStatement::setLong,
                    rs -> found.computeIfAbsent(byPk.get(rs.getLong(1)), k -> new ArrayList<>()).add(observable(rs.getString(2), rs.getString(3))));
            return found;
        });
    }

    @Override
    public Map<String, IndexedObject> objects(Collection<String> objectIds) {
        if (objectIds.isEmpty()) return Map.of();
        return reads.withHandle(handle -> {
            Map<Long, String> byPk = CorrelationKeys.objectPks(handle, objectIds);
            Map<String, IndexedObject> found = new LinkedHashMap<>();
            for (List<Long> chunk : CorrelationKeys.chunks(List.copyOf(byPk.keySet()))) {
                handle.createQuery("""
                                SELECT ob.pk, ob.type, ob.version_key, m.member_id
                                FROM correlation_objects ob
                                JOIN correlation_members m ON m.pk = ob.origin_pk
                                WHERE ob.pk IN (<pks>) AND ob.version_key IS NOT NULL""")
                        .bindList("pks", chunk)
                        .map((rs, ctx) -> new IndexedObject(byPk.get(rs.getLong(1)), rs.getString(2),
                                versionOf(rs.getLong(3)), new MemberId(rs.getString(4))))
                        .forEach(o -> found.put(o.id(), o));
            }
            return found;
        });
    }

    @Override
    public List<ObjectLink> linksOf(Collection<String> objectIds) {
        if (objectIds.isEmpty()) return List.of();
        return reads.withHandle(handle -> {
            List<Long> pks = List.copyOf(CorrelationKeys.objectPks(handle, objectIds).keySet());
            Set<ObjectLink> found = new LinkedHashSet<>();
            for (List<Long> chunk : CorrelationKeys.chunks(pks)) {
                for (String column : List.of("from_pk", "to_pk")) {
                    handle.createQuery("""
                                    SELECT fi.object_id, ti.object_id
                                    FROM correlation_links l
                                    JOIN correlation_objects f ON f.pk = l.from_pk
                                    JOIN object_ids fi ON fi.pk = f.object_key
                                    JOIN correlation_objects t ON t.pk = l.to_pk
                                    JOIN object_ids ti ON ti.pk = t.object_key
                                    WHERE l.""" + column + " IN (<pks>)")
                            .bindList("pks", chunk)
                            .map((rs, ctx) -> new ObjectLink(rs.getString(1), rs.getString(2)))
                            .forEach(found::add);
                }
            }
            return List.copyOf(found);
        });
    }

    @Override
    public List<Observable> seenInCountries(int k, Instant since, int limit) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, not " + k);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        // The (seen, observable_pk) index confines the scan to the window.
        return reads.withHandle(handle -> handle.createQuery("""
                        SELECT obs.kind, obs.value
                        FROM correlation_observables obs
                        WHERE obs.pk IN (
                            SELECT o.observable_pk
                            FROM correlation_occurrences o
                            JOIN correlation_members cm ON cm.pk = o.member_pk
                            JOIN members m ON m.id = cm.member_id
                            WHERE o.seen >= :since
                            GROUP BY o.observable_pk
                            HAVING COUNT(DISTINCT m.country) >= :k)
                        ORDER BY obs.pk
                        LIMIT :limit""")
                .bind("since", EpochMicros.of(since))
                .bind("k", k)
                .bind("limit", limit)
                .map((rs, ctx) -> observable(rs.getString(1), rs.getString(2)))
                .list());
    }

    @Override
    public long observableCount() {
        return count("correlation_observables");
    }

    @Override
    public long occurrenceCount() {
        return count("correlation_occurrences");
    }

    private long count(String table) {
        return reads.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    static Observable observable(String kind, String value) {
        return new Observable(ObservableKind.ofLabel(kind)
                .orElseThrow(() -> new IllegalStateException("unknown observable kind '" + kind + "' in the correlation index")), value);
    }

    private static Instant versionOf(long versionKey) {
        return versionKey == VersionKey.NONE ? null : EpochMicros.toInstant(versionKey);
    }
}
