package org.entente.core.pattern.engine;

/**
 * The working arrays of one group of value events in {@link IndicatorEngine#matchValues}: per event its direct path
 * and first hash (0: it goes the full way), and the events {@link ValueStream#find} found in the table.
 */
final class ValueBatch {
    /**
     * Events per group: enough that a group holds a few dozen hits at usual hit rates, whose reads then overlap;
     * few enough that the group's arrays stay in the first-level cache.
     */
    static final int GROUP = 256;

    final String[] type;
    final String[] value;
    final IndexedPath[] path;
    final long[] first;
    /** The events that may be in the table, then those found, in order. */
    final int[] found;
    final int[] bucket;
    /** What {@link ValueStream#find} read ahead, kept so that the reads are not left out as unused. */
    long touched;

    ValueBatch(int size) {
        type = new String[size];
        value = new String[size];
        path = new IndexedPath[size];
        first = new long[size];
        found = new int[size];
        bucket = new int[size];
    }

    /**
     * Takes the types and values of {@code count} events from {@code from}, reading each value's length and last
     * character on the way:
     * the events, their strings and the strings' bytes are then in the cache, read in one loop whose misses overlap,
     * rather than one by one as each value is hashed.
     */
    void take(java.util.List<ValueEvent> events, int from, int count) {
        long lengths = 0;
        for (int i = 0; i < count; i++) {
            ValueEvent event = events.get(from + i);
            type[i] = event.type();
            value[i] = event.value();
            int length = value[i].length();
            lengths += length == 0 ? 0 : value[i].charAt(length - 1); // the last line of a longer value, too
        }
        touched += lengths;
    }

    void set(int i, IndexedPath path, long first) {
        this.path[i] = path;
        this.first[i] = first;
    }
}
