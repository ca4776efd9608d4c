package org.entente.store;

import java.util.List;

/**
 * What one batch of stored versions adds to the correlation index. Every occurrence's object, every link's
 * source and every pending reference's object is among {@code objects}; a link's target may be any id,
 * indexed or not. An object stands in it with one version: its occurrences, links and pending references
 * are what that version carries.
 */
public record CorrelationBatch(List<IndexedObject> objects, List<Occurrence> occurrences, List<ObjectLink> links,
        List<PendingReference> pending) {
    public CorrelationBatch {
        objects = List.copyOf(objects);
        occurrences = List.copyOf(occurrences);
        links = List.copyOf(links);
        pending = List.copyOf(pending);
    }

    /** A batch whose carried references are all resolved. */
    public CorrelationBatch(List<IndexedObject> objects, List<Occurrence> occurrences, List<ObjectLink> links) {
        this(objects, occurrences, links, List.of());
    }

    public static CorrelationBatch empty() {
        return new CorrelationBatch(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return objects.isEmpty() && occurrences.isEmpty() && links.isEmpty() && pending.isEmpty();
    }
}
