package org.entente.core.pattern.engine;

/**
 * A hash multimap from a key's two hashes ({@link KeyHash}) to indicator slots, in three flat arrays: open
 * addressing with linear probing, at most three quarters full, and deletion by shifting later entries back (no
 * tombstones, so a long-lived table with indicators coming and going never degrades). One key may map to many
 * slots (several indicators naming the same domain); each (key, slot) pair is stored once.
 */
final class KeyTable {
    private long[] hashes = new long[2 * 16]; // bucket b: first hash at 2b, second at 2b + 1
    private int[] slots = new int[16]; // slot + 1; 0 marks an empty bucket
    private int mask = 15;
    private int size;

    int size() {
        return size;
    }

    void add(long first, long second, int slot) {
        if (size + 1 > (mask + 1) / 4 * 3) grow();
        int b = (int) first & mask;
        while (slots[b] != 0) {
            if (slots[b] == slot + 1 && hashes[2 * b] == first && hashes[2 * b + 1] == second) return;
            b = (b + 1) & mask;
        }
        hashes[2 * b] = first;
        hashes[2 * b + 1] = second;
        slots[b] = slot + 1;
        size++;
    }

    void remove(long first, long second, int slot) {
        int b = (int) first & mask;
        while (slots[b] != 0) {
            if (slots[b] == slot + 1 && hashes[2 * b] == first && hashes[2 * b + 1] == second) {
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
        int b = from & mask;
        while (slots[b] != 0) {
            if (hashes[2 * b] == first) return b;
            b = (b + 1) & mask;
        }
        return -1;
    }

    long secondAt(int bucket) {
        return hashes[2 * bucket + 1];
    }

    int home(long first) {
        return (int) first & mask;
    }

    int slotAt(int bucket) {
        return slots[bucket] - 1;
    }

    /** Bytes of the arrays, for reports. */
    long footprint() {
        return 8L * hashes.length + 4L * slots.length;
    }

    /** Knuth's algorithm R (TAOCP 6.4): close the gap at {@code gap} so every entry stays reachable from home. */
    private void shiftBack(int gap) {
        int j = gap;
        while (true) {
            j = (j + 1) & mask;
            if (slots[j] == 0) break;
            int home = (int) hashes[2 * j] & mask;
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                hashes[2 * gap] = hashes[2 * j];
                hashes[2 * gap + 1] = hashes[2 * j + 1];
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = 0;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldSlots = slots;
        int capacity = 2 * (mask + 1);
        hashes = new long[2 * capacity];
        slots = new int[capacity];
        mask = capacity - 1;
        for (int b = 0; b < oldSlots.length; b++) {
            if (oldSlots[b] == 0) continue;
            int n = (int) oldHashes[2 * b] & mask;
            while (slots[n] != 0) n = (n + 1) & mask;
            hashes[2 * n] = oldHashes[2 * b];
            hashes[2 * n + 1] = oldHashes[2 * b + 1];
            slots[n] = oldSlots[b];
        }
    }
}
