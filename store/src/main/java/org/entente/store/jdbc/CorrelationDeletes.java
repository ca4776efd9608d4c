package org.entente.store.jdbc;

import java.util.List;
import org.entente.store.jdbc.CorrelationKeys.ObjectRow;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the correlation index true to the object store when versions are deleted, inside the delete's
 * transaction (TAXII 2.1 section 5.7: a deleted object is gone from the server).
 *
 * <p>The rule: the index holds one version of an object (the newest it read). Once that version is left in no
 * collection, the object stops counting: its occurrences, the references it holds and its pending references
 * are removed, and its row stays only as the target of references other objects hold (as an object not
 * indexed yet). If another version of it remains in some collection, the newest of those is indexed in its
 * place: the index's position moves back to just before that version's first copy, so that the indexer reads
 * it again (everything it reads again on the way is a version indexed already and adds nothing), and the
 * furthest position it had reached is kept ({@link org.entente.store.CorrelationStore#rereadTo}). Occurrences
 * that another object gained from this one by reference (a sighting carries the observables of the indicator
 * it sights) stay with that other object, as a newer version of this one would not change them either.
 * Deleting a version the index does not hold (an older one, or a copy while another collection keeps the same
 * version) changes nothing.
 *
 * <p>A delete that commits while the indexer holds a page it read before it: the indexer writes through
 * {@link org.entente.store.CorrelationStore#indexPage}, which refuses a page whose versions were deleted or whose
 * start is no longer the index's position, in the write's transaction, so the deleted version's rows do not come
 * back and a move back is not overwritten; the indexer reads the page again.
 */
final class CorrelationDeletes {
    private record Remaining(long versionKey, long seq) {}

    private CorrelationDeletes() {}

    /** After versions of {@code objectId} were deleted from some collection, in the same transaction. */
    static void afterDelete(Handle handle, String objectId) {
        CorrelationKeys.ObjectLookup found = CorrelationKeys.lookUpObjects(handle, List.of(objectId));
        ObjectRow row = found.rows().get(objectId);
        if (row == null || row.versionKey() == null) return;
        // Every collection's copies, found through objects_id_key (collection_pk, id_key) per collection.
        List<Remaining> remaining = handle.createQuery("""
                        SELECT v.version_key, v.seq FROM collections c
                        JOIN objects o ON o.collection_pk = c.pk AND o.id_key = :idKey
                        JOIN object_versions v ON v.object_pk = o.pk""")
                .bind("idKey", found.idKeys().get(objectId))
                .map((rs, ctx) -> new Remaining(rs.getLong(1), rs.getLong(2)))
                .list();
        if (remaining.stream().anyMatch(r -> r.versionKey() == row.versionKey())) return;
        forget(handle, row.pk());
        remaining.stream().mapToLong(Remaining::versionKey).max().ifPresent(newest -> {
            long firstCopy = remaining.stream().filter(r -> r.versionKey() == newest).mapToLong(Remaining::seq).min().orElseThrow();
            // Both right-hand sides read the row as it was: reread_to keeps the furthest position reached (V16).
            handle.createUpdate("""
                            UPDATE correlation_position
                            SET reread_to = CASE WHEN last_seq > reread_to THEN last_seq ELSE reread_to END, last_seq = :seq
                            WHERE id = 1 AND last_seq >= :seq""")
                    .bind("seq", firstCopy - 1)
                    .execute();
        });
    }

    /** Removes what the object carried and makes it an object only referenced. */
    private static void forget(Handle handle, long pk) {
        handle.createUpdate("DELETE FROM correlation_occurrences WHERE object_pk = :pk").bind("pk", pk).execute();
        handle.createUpdate("DELETE FROM correlation_links WHERE from_pk = :pk").bind("pk", pk).execute();
        handle.createUpdate("DELETE FROM correlation_pending WHERE object_pk = :pk").bind("pk", pk).execute();
        handle.createUpdate("UPDATE correlation_objects SET version_key = NULL, origin_pk = NULL WHERE pk = :pk").bind("pk", pk).execute();
    }
}
