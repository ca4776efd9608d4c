package org.entente.server.index;

import java.util.List;
import java.util.SortedSet;
import org.entente.core.observable.Observable;

/**
 * An observable seen by members of several countries within a window, as far as the asking member may
 * know: its countries and holdings count only objects the policy lets that member see.
 */
public record Cluster(Observable observable, SortedSet<String> countries, List<Holding> holdings) {
    public Cluster {
        countries = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(countries));
        holdings = List.copyOf(holdings);
    }
}
