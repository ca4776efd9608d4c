package org.entente.core.pattern;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Which observations satisfy (part of) a pattern: a multiset of observation indexes, sorted. An index may repeat
 * up to that observation's {@code number_observed}, since each count is a separate observation. Two bindings
 * using the same observations are interchangeable for every constraint the pattern can add, so they are equal.
 */
final class Binding {
    private final int[] members;

    private Binding(int[] members) {
        this.members = members;
    }

    static Binding of(int index) {
        return new Binding(new int[] {index});
    }

    int[] members() {
        return members.clone();
    }

    /** Both bindings together, or null when that would use an observation more often than it was seen. */
    Binding plus(Binding other, List<Observation> observations) {
        int[] merged = new int[members.length + other.members.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < members.length || j < other.members.length) {
            merged[k++] = j >= other.members.length || (i < members.length && members[i] <= other.members[j])
                    ? members[i++] : other.members[j++];
        }
        int run = 1;
        for (int m = 1; m <= merged.length; m++) {
            if (m < merged.length && merged[m] == merged[m - 1]) {
                run++;
            } else {
                if (run > observations.get(merged[m - 1]).numberObserved()) return null;
                run = 1;
            }
        }
        return new Binding(merged);
    }

    /** The latest first_observed: the earliest moment by which all these observations had begun. */
    Instant latestFirst(List<Observation> observations) {
        Instant latest = Instant.MIN;
        for (int m : members) {
            Instant t = observations.get(m).firstObserved();
            if (t.isAfter(latest)) latest = t;
        }
        return latest;
    }

    /** The earliest last_observed. */
    Instant earliestLast(List<Observation> observations) {
        Instant earliest = Instant.MAX;
        for (int m : members) {
            Instant t = observations.get(m).lastObserved();
            if (t.isBefore(earliest)) earliest = t;
        }
        return earliest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binding other && Arrays.equals(members, other.members);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(members);
    }

    @Override
    public String toString() {
        return Arrays.toString(members);
    }
}
