package org.entente.store;

/**
 * Where the detect stage stands in each collection: the last object-store seq whose observed-data and
 * sightings it matched. Moving a cursor back is refused silently (a cursor only moves forward).
 */
public interface DetectCursors {
    /** The last seq matched in a collection; 0 before the first. */
    long cursor(String collectionId);

    /** Records that everything up to {@code lastSeq} in the collection was matched. */
    void advance(String collectionId, long lastSeq);
}
