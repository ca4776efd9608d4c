package org.entente.store;

import java.util.List;

/** One page of a query; {@code more} says whether {@code nextSeq} leads to further results. */
public record Page(List<StoredVersion> items, boolean more) {
    public Page {
        items = List.copyOf(items);
    }

    /** The cursor for the next page: the sequence number of the last item (0 for an empty page). */
    public long nextSeq() {
        return items.isEmpty() ? 0 : items.get(items.size() - 1).seq();
    }
}
