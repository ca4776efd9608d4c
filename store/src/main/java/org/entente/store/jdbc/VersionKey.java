package org.entente.store.jdbc;

import java.time.Instant;

/**
 * The stored form of a version: microseconds since the epoch, or {@link #NONE} for an object without a
 * version. The sentinel lets the unique key reject a second write of such an object.
 */
final class VersionKey {
    static final long NONE = Long.MIN_VALUE;

    private VersionKey() {}

    static long of(Instant version) {
        return version == null ? NONE : EpochMicros.of(version);
    }

    /** The version that orders and names a stored version: its own, else its date_added. */
    static long effective(long versionKey, long dateAdded) {
        return versionKey == NONE ? dateAdded : versionKey;
    }
}
