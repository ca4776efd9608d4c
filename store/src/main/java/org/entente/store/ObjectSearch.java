package org.entente.store;

import java.util.List;
import java.util.Set;

/**
 * Finds candidate objects for a text search across collections. The store answers a coarse,
 * case-insensitive substring match over the stored JSON of each object's newest version; the caller
 * decides which candidates really match (which properties, observable normalisation) and which the
 * reader may see. Each object appears once, however many of the collections hold it.
 */
public interface ObjectSearch {
    /**
     * Candidates in a stable order, {@code limit} at most, after the cursor {@code afterSeq} (the
     * {@link Page#nextSeq()} of the previous page, 0 for the first).
     *
     * @param collectionIds where to look; empty finds nothing
     * @param types only these STIX types; empty for any
     * @param terms a candidate contains one of them, compared case-insensitively; empty for every object
     */
    Page candidates(Set<String> collectionIds, Set<String> types, List<String> terms, long afterSeq, int limit);
}
