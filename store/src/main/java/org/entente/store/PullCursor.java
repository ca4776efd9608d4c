package org.entente.store;

import java.time.Instant;

/**
 * How far this node has pulled one peer's queue for it: the last seq of the peer's outbox durably stored
 * here (0 before the first pull), when a pull last succeeded, and the error of the latest pull if it failed.
 */
public record PullCursor(long pulledThrough, Instant lastPulled, String lastError) {
    public static final PullCursor START = new PullCursor(0, null, null);
}
