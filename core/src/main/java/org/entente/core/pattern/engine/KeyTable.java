package org.entente.core.pattern.engine;

/**
 * A hash multimap from a key's two hashes ({@link KeyHash}) to indicator slots, in two flat arrays: open
 * addressing with linear probing, at most three quarters full, and deletion by shifting later entries back (no
 * tombstones, so a long-lived table with indicators coming and going never degrades). One key may map to many
 * slots (several indicators naming the same domain); each (key, slot) pair is stored once.
 *
 * <p>A probe for an absent key, the common case, reads only {@code firsts}: a first hash of 0 marks an empty
 * bucket (a real 0 is stored as 1), and the second hash and the slot are read only where the first matches.
 */
final class KeyTable {
    private long[] firsts = new long[16];
    /** Per bucket the second hash and the slot side by side: a hit reads both, in one cache line. */
    private long[] entries = new long[32];
    private int mask = 15;
    private int size;

    int size() {
        return size;
    }

    void add(long first, long second, int slot) {
        first = stored(first);
        if (size + 1 > (mask + 1) / 4 * 3) grow();
        int b = (int) first & mask;
        while (firsts[b] != 0) {
            if (firsts[b] == first && entries[2 * b] == second && entries[2 * b + 1] == slot) return;
            b = (b + 1) & mask;
        }
        firsts[b] = first;
        entries[2 * b] = second;
        entries[2 * b + 1] = slot;
        size++;
    }

    void remove(long first, long second, int slot) {
        first = stored(first);
        int b = (int) first & mask;
        while (firsts[b] != 0) {
            if (firsts[b] == first && entries[2 * b] == second && entries[2 * b + 1] == slot) {
                shiftBack(b);
                size--;
                return;
            }
            b = (b + 1) & mask;
        }
    }

    /**
     * The first bucket at or after {@code from} whose first hash is {@code first}, or -1; start with {@code from}
     * = {@link #home} and continue with the bucket after the last one returned; the caller then compares
     * {@link #secondAt}. A cursor rather than a callback, so the hot path allocates nothing, and the second hash
     * of a probed key needs computing only when the first one is found.
     */
    int next(long first, int from) {
        first = stored(first);
        int b = from & mask;
        long f;
        while ((f = firsts[b]) != 0) {
            if (f == first) return b;
            b = (b + 1) & mask;
        }
        return -1;
    }

    /** Whether some key has this first hash: the whole probe for an absent key. */
    boolean contains(long first) {
        return next(first, home(first)) >= 0;
    }

    /**
     * Reads the home bucket of each of the first {@code count} hashes into {@code home} (0: empty, so the key is
     * absent), one independent read after another, so that their cache misses overlap; 0 hashes are skipped.
     */
    void read(long[] hashes, long[] home, int count) {
        long[] f = firsts;
        for (int i = 0; i < count; i++) home[i] = hashes[i] == 0 ? 0 : f[(int) hashes[i] & mask];
    }

    long secondAt(int bucket) {
        return entries[2 * bucket];
    }

    int home(long first) {
        return (int) stored(first) & mask;
    }

    int slotAt(int bucket) {
        return (int) entries[2 * bucket + 1];
    }

    static long stored(long first) {
        return first == 0 ? 1 : first;
    }

    /** Knuth's algorithm R (TAOCP 6.4): close the gap at {@code gap} so every entry stays reachable from home. */
    private void shiftBack(int gap) {
        int j = gap;
        while (true) {
            j = (j + 1) & mask;
            if (firsts[j] == 0) break;
            int home = (int) firsts[j] & mask;
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                firsts[gap] = firsts[j];
                entries[2 * gap] = entries[2 * j];
                entries[2 * gap + 1] = entries[2 * j + 1];
                gap = j;
            }
        }
        firsts[gap] = 0;
    }

    private void grow() {
        long[] oldFirsts = firsts;
        long[] oldEntries = entries;
        int capacity = 2 * (mask + 1);
        firsts = new long[capacity];
        entries = new long[2 * capacity];
        mask = capacity - 1;
        for (int b = 0; b < oldFirsts.length; b++) {
            if (oldFirsts[b] == 0) continue;
            int n = (int) oldFirsts[b] & mask;
            while (firsts[n] != 0) n = (n + 1) & mask;
            firsts[n] = oldFirsts[b];
            entries[2 * n] = oldEntries[2 * b];
            entries[2 * n + 1] = oldEntries[2 * b + 1];
        }
    }
}
