package org.entente.server.index;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;

/** "Who else has this": the holdings of one observable that the asking member may know of. */
public record Holders(Observable observable, List<Holding> holdings) {
    public Holders {
        holdings = List.copyOf(holdings);
    }

    public SortedSet<MemberId> members() {
        return new TreeSet<>(holdings.stream().map(Holding::member).toList());
    }

    public SortedSet<String> countries() {
        return new TreeSet<>(holdings.stream().flatMap(h -> h.country().stream()).toList());
    }
}
