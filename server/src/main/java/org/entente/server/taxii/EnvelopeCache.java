package org.entente.server.taxii;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.store.ObjectQuery;

/**
 * Envelopes already served, each kept with the store's change mark at the time it was read. A cached
 * envelope is served only while the mark is unchanged, that is while nothing was added or deleted
 * anywhere in the store, by this process or another; so polling clients asking for the same pages cost
 * one tiny read instead of a page query. Least recently used envelopes go first beyond {@code maxBytes}.
 *
 * <p>The key is the collection and the query: what a page holds depends on nothing else, because
 * access is checked per collection before the cache is asked.
 */
final class EnvelopeCache {
    record Key(String collectionId, ObjectQuery query) {}

    record Entry(long mark, TaxiiResponse.Envelope envelope) {}

    private final long maxBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    EnvelopeCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The envelope cached for the key at this mark, or null. */
    synchronized TaxiiResponse.Envelope get(Key key, long mark) {
        Entry entry = entries.get(key);
        if (entry == null) return null;
        if (entry.mark() != mark) {
            remove(key);
            return null;
        }
        return entry.envelope();
    }

    synchronized void put(Key key, long mark, TaxiiResponse.Envelope envelope) {
        if (envelope.body().length > maxBytes / 8) return;
        remove(key);
        entries.put(key, new Entry(mark, envelope));
        bytes += envelope.body().length;
        var oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().envelope().body().length;
            oldest.remove();
        }
    }

    private void remove(Key key) {
        Entry gone = entries.remove(key);
        if (gone != null) bytes -= gone.envelope().body().length;
    }
}
