package org.entente.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.entente.core.observable.Observable;

/**
 * The correlation index: for each normalised observable, the objects that carry it and the members that
 * saw it, plus the STIX references between objects. Space is linear in observables, objects, occurrences
 * and references; pairs of objects sharing an observable are never stored, only found by queries.
 *
 * <p>Writes are idempotent: indexing the same entries again adds nothing. Reads know nothing of the sharing
 * policy; callers filter what they show.
 *
 * <p>Deletes count ({@link ObjectStore#delete}, in its transaction): once the version the index holds of an
 * object is left in no collection, the object's occurrences, the references it holds and its pending
 * references stop counting, for who-else-has, neighbourhoods and clusters alike. If an older version of it
 * remains somewhere, the {@link #cursor()} moves back to just before that version's first copy so that the
 * indexer reads and indexes it (versions read again on the way are indexed already and add nothing).
 * Occurrences another object gained from the deleted one by reference stay with that object. Deleting a
 * version the index does not hold, or one copy of it while another collection keeps it, changes nothing.
 */
public interface CorrelationStore {
    /** The last object-store seq indexed, of all collections (seq is unique across them); 0 before the first batch. */
    long cursor();

    /**
     * The furthest position the index had reached when a delete last moved it back (0 if none ever did). Every
     * version up to it was read before, and what it added was reported then: an indexer reading that range again
     * indexes the older version in the deleted one's place but reports nothing of it as new.
     */
    long rereadTo();

    /**
     * Adds a batch and moves the cursor to {@code lastSeq}, in one transaction. An object takes the batch's
     * version only if it is newer than the version indexed; otherwise the object, its occurrences and its
     * references add nothing (a version indexed already, read again from another collection or after a
     * restart, costs a lookup). A newer version replaces what the object carried: its occurrences and
     * references that the batch does not repeat are removed. An occurrence already present keeps one row;
     * its time seen moves forward to the later of both. A pending reference to an object not indexed yet is
     * kept until that object is indexed, whose occurrences then count for the referring object too (once:
     * a later version of the target does not change them).
     *
     * @return the occurrences that were not in the index before, in batch order, then those that resolved
     *     pending references added
     */
    List<Occurrence> index(long lastSeq, CorrelationBatch batch);

    /**
     * As {@link #index}, for a batch made from a page the caller read from the object store, moving the cursor to
     * {@code page.lastSeq()} — unless the page went stale while the caller worked on it: the cursor is no longer
     * {@code page.afterSeq()} (a delete moved it back to an older version to index instead), or fewer than
     * {@code page.versions()} versions remain with a seq in the page's range (one was deleted, and its rows must
     * not come back). Then nothing is written and {@link StalePageException} is thrown. Checked in the write's
     * transaction, which deletes on the same store serialise with.
     *
     * @return the occurrences {@link #index} returns, and the observables that had no row in the index before
     */
    IndexedAdditions indexPage(IndexedPage page, CorrelationBatch batch);

    /** Every occurrence of the observables. */
    List<Occurrence> occurrencesOf(Collection<Observable> observables);

    /** The observables each indexed object carries; objects without any are absent. */
    Map<String, List<Observable>> observablesOf(Collection<String> objectIds);

    /** The indexed objects among the ids (objects only referenced so far are absent). */
    Map<String, IndexedObject> objects(Collection<String> objectIds);

    /** The references from or to any of the objects. */
    List<ObjectLink> linksOf(Collection<String> objectIds);

    /**
     * Observables that members of at least {@code k} distinct countries saw at or after {@code since}
     * (countries as the member store knows them), at most {@code limit}. Counts ignore the sharing policy,
     * so this is a superset of what any one member may be shown.
     */
    List<Observable> seenInCountries(int k, Instant since, int limit);

    /** Distinct observables in the index. */
    long observableCount();

    /** (observable, object, member) occurrences in the index. */
    long occurrenceCount();
}
