package org.entente.core.pattern.engine;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The id of the one indicator an event matched, as an immutable list of one, written out as text only when read:
 * a value stream's hits are counted and grouped far more often than their ids are printed, and formatting the UUID
 * costs about what the rest of a hit does. Holds the id's two halves ({@link IndicatorSlots}), never the slot, which
 * a later removal may give to another indicator.
 */
final class OneIndicatorId extends AbstractList<String> implements RandomAccess {
    private final long high;
    private final long low;
    /** Written once on first read; a race writes the same text twice, and a String is safe to publish so. */
    private String text;

    OneIndicatorId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, 1);
        String t = text;
        if (t == null) text = t = IndicatorSlots.format(high, low);
        return t;
    }

    @Override
    public int size() {
        return 1;
    }
}
