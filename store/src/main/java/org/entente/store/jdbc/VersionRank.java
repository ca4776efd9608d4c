package org.entente.store.jdbc;

import java.util.Comparator;

/**
 * Where a version stands among the versions of its object: by effective version, then by arrival (the
 * sequence number) so that ties, possible only between an object's versioned and unversioned forms,
 * still have one answer.
 */
record VersionRank(long version, long arrival) implements Comparable<VersionRank> {
    private static final Comparator<VersionRank> ORDER =
            Comparator.comparingLong(VersionRank::version).thenComparingLong(VersionRank::arrival);

    @Override
    public int compareTo(VersionRank other) {
        return ORDER.compare(this, other);
    }
}
