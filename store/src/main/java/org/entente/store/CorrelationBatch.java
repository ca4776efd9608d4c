package org.entente.store;

import java.util.List;

/**
 * What one batch of stored versions adds to the correlation index. Every occurrence's object and every
 * link's source is among {@code objects}; a link's target may be any id, indexed or not. An object stands
 * in it with one version: its occurrences and links are what that version carries.
 */
public record CorrelationBatch(List<IndexedObject> objects, List<Occurrence> occurrences, List<ObjectLink> links) {
    public CorrelationBatch {
        objects = List.copyOf(objects);
        occurrences = List.copyOf(occurrences);
        links = List.copyOf(links);
    }

    public static CorrelationBatch empty() {
        return new CorrelationBatch(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return objects.isEmpty() && occurrences.isEmpty() && links.isEmpty();
    }
}
