package org.entente.store;

import java.util.List;
import java.util.Set;

/**
 * Versions of STIX objects per collection. Every version is kept; a version is identified by
 * (collection, id, version) and writing it again changes nothing.
 */
public interface ObjectStore {
    /**
     * Writes a batch atomically: all versions are stored, or none (on an exception). Each version gets a
     * {@code date_added} from a clock that never goes backwards, and a sequence number that orders the
     * collection for paging.
     *
     * @return one outcome per input, in input order
     */
    List<WriteOutcome> write(String collectionId, List<NewVersion> batch);

    /** A page of versions in the order they were added, filtered as TAXII 2.1 section 3.4 describes. */
    Page find(String collectionId, ObjectQuery query);

    /**
     * The versions of every collection stored after {@code afterSeq}, in seq order, of the given types (an empty
     * set: of every type), at most {@code limit}: for a stage that follows the whole store with one cursor instead
     * of one per collection. {@code seq} is one sequence over all collections, handed out in the order writes
     * commit, so a version stored later never gets a seq below a {@link SeqPage#readTo()} already returned. One
     * version stored in two collections is two versions here, each with its collection; deleted versions are gone.
     *
     * @param limit 1 to {@link ObjectQuery#MAX_LIMIT}
     */
    SeqPage versionsAfterSeq(long afterSeq, Set<String> types, int limit);

    /**
     * Deletes the versions of one object that the query's version and spec_version filters select (ids
     * and types in the query are ignored). In the same transaction the {@link CorrelationStore} lets go of the
     * version it holds of the object once no collection keeps that version (see {@link CorrelationStore}).
     *
     * @return how many versions were deleted
     */
    int delete(String collectionId, String objectId, ObjectQuery query);

    /** Distinct objects (not versions) in the collection. */
    long countObjects(String collectionId);

    /**
     * A number that changes whenever a version is added or deleted in any collection, by any process using
     * this store. Equal marks mean nothing changed in between, so a read remembered at one mark is still
     * right at the same mark.
     */
    long changeMark();
}
