package org.entente.store.jdbc;

import java.util.List;
import org.entente.store.NewVersion;
import org.entente.store.ObjectQuery;
import org.entente.store.ObjectStore;
import org.entente.store.Page;
import org.entente.store.StoredVersion;
import org.entente.store.WriteOutcome;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class JdbcObjectStore implements ObjectStore {
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
        return writer.inTransaction(handle -> writeIn(handle, collectionId, versions));
    }

    /** {@link #write} inside the caller's transaction. */
    List<WriteOutcome> writeIn(Handle handle, String collectionId, List<NewVersion> versions) {
        long collection = collections.require(handle, collectionId);
        return versions.isEmpty() ? List.of() : batchWrite.run(handle, collection, versions);
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
    public List<StoredVersion> versionsAfterSeq(long afterSeq, int limit) {
        if (limit < 1 || limit > ObjectQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + ObjectQuery.MAX_LIMIT + ", not " + limit);
        }
        // seq is the primary key of both dialects: a range read of the table in key order.
        return reads.withHandle(handle -> handle.createQuery("SELECT " + StoredVersionMapper.COLUMNS
                        + " FROM object_versions WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(StoredVersionMapper.INSTANCE)
                .list());
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
