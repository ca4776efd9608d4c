package org.entente.core.pattern.engine;

/**
 * A hash multimap from a key's two hashes ({@link KeyHash}) to indicator slots, in two flat arrays: open
 * addressing with linear probing, at most three quarters full, and deletion by shifting later entries back (no
 * tombstones, so a long-lived table with indicators coming and going never degrades). One key may map to many
 * slots (several indicators naming the same domain); each (key, slot) pair is stored once.
 *
 * <p>A probe for an absent key, the common case, mostly ends at one word of {@code filter}; otherwise it reads
 * {@code firsts}: a first hash of 0 marks an empty bucket (a real 0 is stored as 1), and the second hash and the slot
 * are read only where the first matches.
 */
final class KeyTable {
    private long[] firsts = new long[16];
    /** Per bucket the second hash and the slot side by side: a hit reads both, in one cache line. */
    private long[] entries = new long[32];
    private int mask = 15;
    private int size;
    /**
     * A blocked Bloom filter over the first hashes held (Putze, Sanders and Singler, "Cache-, Hash- and
     * Space-Efficient Bloom Filters", WEA 2007): per key two bits of one word, chosen by bits of the first hash that
     * do not choose the word; eight bits per bucket of the table, one word per eight buckets, so one byte of heap per
     * bucket. A probe for an absent key passes it about once in 30 (table three quarters full) to 65 (half full),
     * and otherwise reads only one word of an array an eighth the size of {@code firsts}, which stays in the caches
     * far more readily, and walks no buckets. Bits are set by {@link #add} and never cleared by {@link #remove}
     * (another key may share them): the filter is rebuilt from {@code firsts} when the table grows and after
     * removals numbering a quarter of the buckets, so stale bits stay few, at a constant amortised cost per removal.
     */
    private long[] filter = new long[2];
    private int filterShift = 63;
    private int removed;

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
        mark(first);
    }

    void remove(long first, long second, int slot) {
        first = stored(first);
        int b = (int) first & mask;
        while (firsts[b] != 0) {
            if (firsts[b] == first && entries[2 * b] == second && entries[2 * b + 1] == slot) {
                shiftBack(b);
                size--;
                if (++removed > (mask + 1) / 4) rebuildFilter();
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
        return mayContain(first) && next(first, home(first)) >= 0;
    }

    /** False when no key has this first hash; true when one may ({@link #filter}). */
    boolean mayContain(long first) {
        first = stored(first);
        long bits = 1L << first | 1L << (first >>> 6);
        return (filter[(int) (first >>> filterShift)] & bits) == bits;
    }

    /**
     * Reads the home buckets of the hashes at {@code which[0..count)}, one independent read after another, so that
     * their cache misses overlap: the walks that follow then find them in the cache. Returns what it read.
     */
    long read(long[] hashes, int[] which, int count) {
        long[] f = firsts;
        long read = 0;
        for (int k = 0; k < count; k++) read += f[(int) stored(hashes[which[k]]) & mask];
        return read;
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

    private void mark(long first) {
        filter[(int) (first >>> filterShift)] |= 1L << first | 1L << (first >>> 6);
    }

    private void rebuildFilter() {
        filter = new long[(mask + 1) / 8];
        filterShift = 64 - Integer.numberOfTrailingZeros(filter.length);
        removed = 0;
        for (long first : firsts) if (first != 0) mark(first);
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
        rebuildFilter();
    }
}
