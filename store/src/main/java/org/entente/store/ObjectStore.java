package org.entente.store;

import java.util.List;

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
     * Deletes the versions of one object that the query's version and spec_version filters select (ids
     * and types in the query are ignored).
     *
     * @return how many versions were deleted
     */
    int delete(String collectionId, String objectId, ObjectQuery query);

    /**
     * Every collection's versions with a seq above {@code afterSeq}, in seq order, at most {@code limit}:
     * how a stage after the store follows all of it with one cursor. A seq is unique across collections,
     * so a version stored in two collections appears twice, under two seqs. Deleted versions are gone.
     */
    List<StoredVersion> versionsAfterSeq(long afterSeq, int limit);

    /** Distinct objects (not versions) in the collection. */
    long countObjects(String collectionId);

    /**
     * A number that changes whenever a version is added or deleted in any collection, by any process using
     * this store. Equal marks mean nothing changed in between, so a read remembered at one mark is still
     * right at the same mark.
     */
    long changeMark();
}
