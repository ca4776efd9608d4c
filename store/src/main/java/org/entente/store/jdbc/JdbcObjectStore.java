package org.entente.store.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.store.NewVersion;
import org.entente.store.ObjectQuery;
import org.entente.store.ObjectStore;
import org.entente.store.Page;
import org.entente.store.SeqPage;
import org.entente.store.StoredVersion;
import org.entente.store.VersionInCollection;
import org.entente.store.WriteOutcome;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class JdbcObjectStore implements ObjectStore {
    /** {@link StoredVersionMapper#COLUMNS} of {@code object_versions v}. */
    private static final String VERSION_COLUMNS = "v." + StoredVersionMapper.COLUMNS.replace(", ", ", v.");

    private final Jdbi reads;
    private final SerialWriter writer;
    private final CollectionKeys collections;
    private final BatchWrite batchWrite;
    private final DateAddedClock clock;

    JdbcObjectStore(Jdbi reads, SerialWriter writer, CollectionKeys collections, DateAddedClock clock) {
        this.reads = reads;
        this.writer = writer;
        this.collections = collections;
        this.batchWrite = new BatchWrite(clock);
        this.clock = clock;
    }

    @Override
    public List<WriteOutcome> write(String collectionId, List<NewVersion> batch) {
        List<NewVersion> versions = List.copyOf(batch);
        return writer.inTransaction(handle -> writeIn(handle, collectionId, versions, new HashMap<>()));
    }

    /**
     * {@link #write} inside the caller's transaction; {@code numbered} holds the ids' numbers the transaction knows
     * and takes those of this batch ({@link ObjectKeys#ensure}).
     */
    List<WriteOutcome> writeIn(Handle handle, String collectionId, List<NewVersion> versions, Map<String, Long> numbered) {
        long collection = collections.require(handle, collectionId);
        return versions.isEmpty() ? List.of() : batchWrite.run(handle, collection, versions, numbered);
    }

    @Override
    public Page find(String collectionId, ObjectQuery query) {
        return reads.withHandle(handle -> {
            Conditions conditions = QueryConditions.forFind(collections.require(handle, collectionId), query);
            // One row more than asked tells whether another page follows.
            List<StoredVersion> rows = conditions.bindTo(handle.createQuery(
                            "SELECT " + StoredVersionMapper.COLUMNS + " FROM object_versions\nWHERE "
                                    + conditions.sql() + "\nORDER BY seq\nLIMIT :limit"))
                    .bind("limit", query.limit() + 1)
                    .map(StoredVersionMapper.INSTANCE)
                    .list();
            boolean more = rows.size() > query.limit();
            return new Page(more ? rows.subList(0, query.limit()) : rows, more);
        });
    }

    @Override
    public SeqPage versionsAfterSeq(long afterSeq, Set<String> types, int limit) {
        if (limit < 1 || limit > ObjectQuery.MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + ObjectQuery.MAX_LIMIT + ", not " + limit);
        return reads.withHandle(handle -> {
            // The end of the store first: the versions up to it are all committed (seqs are handed out under the
            // writers' lock, in commit order), so a page that is not full has read everything up to it.
            long end = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM object_versions").mapTo(Long.class).one();
            if (end <= afterSeq) return new SeqPage(List.of(), afterSeq, false);
            String typeFilter = types.isEmpty() ? "" : " AND v.type IN (<types>)";
            var query = handle.createQuery("SELECT " + VERSION_COLUMNS + ", c.id FROM object_versions v"
                            + " JOIN collections c ON c.pk = v.collection_pk"
                            + "\nWHERE v.seq > :after AND v.seq <= :end" + typeFilter + "\nORDER BY v.seq\nLIMIT :limit")
                    .bind("after", afterSeq)
                    .bind("end", end)
                    .bind("limit", limit + 1);
            if (!types.isEmpty()) query.bindList("types", List.copyOf(types));
            List<VersionInCollection> rows = query
                    .map((rs, ctx) -> new VersionInCollection(rs.getString(8), StoredVersionMapper.INSTANCE.map(rs, ctx)))
                    .list();
            if (rows.size() > limit) {
                List<VersionInCollection> page = rows.subList(0, limit);
                return new SeqPage(page, page.getLast().version().seq(), true);
            }
            return new SeqPage(rows, end, false);
        });
    }

    @Override
    public int delete(String collectionId, String objectId, ObjectQuery query) {
        return writer.inTransaction(handle -> {
            long collection = collections.require(handle, collectionId);
            Conditions conditions = QueryConditions.forDelete(collection, objectId, query);
            int deleted = conditions.bindTo(handle.createUpdate("DELETE FROM object_versions WHERE " + conditions.sql()))
                    .execute();
            if (deleted > 0) {
                markFirstAndLast(handle, collection, objectId);
                CorrelationDeletes.afterDelete(handle, objectId);
                // Moves the change mark, so that reads cached before the delete are known to be stale.
                clock.advanceTo(handle, clock.lockNext(handle));
            }
            return deleted;
        });
    }

    /** Puts the first and last flags on the versions that remain after a delete. */
    private static void markFirstAndLast(Handle handle, long collection, String objectId) {
        List<StoredRow> rows = handle.createQuery("SELECT " + StoredRow.COLUMNS
                        + " FROM object_versions WHERE " + QueryConditions.OF_ONE_OBJECT)
                .bind("collection", collection)
                .bind("idHash", ObjectIdHash.of(objectId))
                .bind("objectId", objectId)
                .map(StoredRowMapper.INSTANCE)
                .list();
        if (rows.isEmpty()) return;
        FirstAndLast ends = FirstAndLast.among(rows.stream().map(StoredRow::rank).toList());
        FlagCorrections corrections = new FlagCorrections(handle);
        rows.forEach(row -> corrections.check(row, ends));
        corrections.execute();
    }

    @Override
    public long changeMark() {
        // Every added version moves the date_added clock, and so does every delete.
        return reads.withHandle(handle -> handle.createQuery("SELECT last_date_added FROM store_clock WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public long countObjects(String collectionId) {
        // Every object has exactly one last version.
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM object_versions WHERE collection_pk = :collection AND is_last = 1")
                .bind("collection", collections.require(handle, collectionId))
                .mapTo(Long.class)
                .one());
    }
}
