package org.entente.federation.envelope;

import java.time.Instant;

/**
 * The ids of envelopes accepted within the replay window. In memory now ({@link BoundedSeenEnvelopes});
 * a store can back it so that a restart does not reopen the window for replays.
 */
public interface SeenEnvelopes {
    enum Outcome {
        /** Not seen before; now remembered. */
        FIRST_TIME,
        SEEN_BEFORE,
        /** Cannot remember another id now; the caller must refuse rather than accept unchecked. */
        NO_ROOM
    }

    /** Atomically checks and remembers {@code id} until {@code rememberUntil}. */
    Outcome remember(EnvelopeId id, Instant rememberUntil);
}
