package org.entente.store;

import java.util.List;
import java.util.Set;
import org.entente.core.observable.Observable;

/**
 * What one batch added to the correlation index: the occurrences that were not in it before, and the
 * observables that had no row at all before the batch. Every occurrence of such a first-indexed observable is
 * among {@code occurrences}, so a reader that needs all its occurrences (a cluster that has just formed) need
 * not read them back from the index.
 */
public record IndexedAdditions(List<Occurrence> occurrences, Set<Observable> firstIndexed) {
    public IndexedAdditions {
        occurrences = List.copyOf(occurrences);
        firstIndexed = Set.copyOf(firstIndexed);
    }

    public static IndexedAdditions none() {
        return new IndexedAdditions(List.of(), Set.of());
    }

    public boolean isEmpty() {
        return occurrences.isEmpty();
    }
}
