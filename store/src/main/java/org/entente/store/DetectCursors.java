package org.entente.store;

import java.util.Map;

/**
 * Where the detect stage stands: the last object-store seq (one sequence over all collections) up to which it
 * matched observed-data and sightings. Moving the cursor back is refused silently (it only moves forward).
 */
public interface DetectCursors {
    /** The last seq matched; 0 before the first. */
    long cursor();

    /**
     * Records that everything up to {@code lastSeq} was matched, and forgets the {@link #matchedAhead()} entries
     * it reached.
     */
    void advance(long lastSeq);

    /**
     * Per collection, a seq beyond {@link #cursor()} up to which that collection's versions were matched already:
     * left by the per-collection cursors of a store from before the single cursor (migration V12), empty
     * otherwise. Versions of the collection at or below it must not be matched again.
     */
    Map<String, Long> matchedAhead();
}
