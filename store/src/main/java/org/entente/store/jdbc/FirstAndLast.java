package org.entente.store.jdbc;

import java.util.Collection;

/** The oldest and newest version of one object. */
record FirstAndLast(VersionRank first, VersionRank last) {
    static FirstAndLast among(Collection<VersionRank> ranks) {
        VersionRank first = null;
        VersionRank last = null;
        for (VersionRank rank : ranks) {
            if (first == null || rank.compareTo(first) < 0) first = rank;
            if (last == null || rank.compareTo(last) > 0) last = rank;
        }
        if (first == null) throw new IllegalArgumentException("an object without versions has no first or last");
        return new FirstAndLast(first, last);
    }
}
