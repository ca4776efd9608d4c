package org.entente.store;

import java.util.List;

/**
 * One page of a query; {@code more} says whether {@code nextSeq} leads to further results. {@code nextSeq}
 * is the cursor for the next page: usually the sequence number of the last item, but a reader that
 * filtered a page (say, by the sharing policy) may have scanned past its last item and passes where it
 * stopped, so the next page does not scan the same versions again.
 */
public record Page(List<StoredVersion> items, boolean more, long nextSeq) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page whose cursor is the sequence number of its last item (0 for an empty page). */
    public Page(List<StoredVersion> items, boolean more) {
        this(items, more, items.isEmpty() ? 0 : items.get(items.size() - 1).seq());
    }
}
