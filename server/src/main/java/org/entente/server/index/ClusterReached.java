package org.entente.server.index;

import java.util.List;
import java.util.SortedSet;
import org.entente.core.observable.Observable;
import org.entente.store.Occurrence;

/**
 * An observable whose count of distinct countries within the window reached k with the batch just indexed.
 * It holds every occurrence, whoever may see it: the warn stage addresses each recipient through the
 * sharing policy before it says anything.
 */
public record ClusterReached(Observable observable, SortedSet<String> countries, List<Occurrence> occurrences) {
    public ClusterReached {
        countries = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(countries));
        occurrences = List.copyOf(occurrences);
    }
}
