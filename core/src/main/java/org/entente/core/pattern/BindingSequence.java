package org.entente.core.pattern;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct bindings of a source, produced only as far as someone asks and remembered so they can be read
 * again (the right side of a join is read once per left binding).
 */
final class BindingSequence {
    private final BindingSource source;
    private final List<Binding> produced = new ArrayList<>();
    private final Set<Binding> distinct = new HashSet<>();
    private boolean exhausted;

    BindingSequence(BindingSource source) {
        this.source = source;
    }

    /** The i-th distinct binding, or null when there are fewer. */
    Binding get(int i) {
        while (produced.size() <= i && !exhausted) {
            Binding b = source.next();
            if (b == null) {
                exhausted = true;
            } else if (distinct.add(b)) {
                produced.add(b);
            }
        }
        return i < produced.size() ? produced.get(i) : null;
    }

    BindingSource reader() {
        int[] position = {0};
        return () -> get(position[0]++);
    }
}
