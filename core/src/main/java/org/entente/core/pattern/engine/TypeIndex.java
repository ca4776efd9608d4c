package org.entente.core.pattern.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.observable.ObservableKind;
import org.entente.core.pattern.ast.ObjectPath;

/** What the index holds for one object type. */
final class TypeIndex {
    List<IndexedPath> paths = List.of();
    /** The paths an SCO of only {@code type} and {@code value} has values on: what a value event probes. */
    IndexedPath[] streamPaths = new IndexedPath[0];
    final Set<Integer> unindexed = new LinkedHashSet<>();
    final Map<ObjectPath, ScreenedPath> screens = new HashMap<>();
    /**
     * The one path a value event of this type is decided on with a single probe ({@link ValueStream}), or null
     * when it needs more: several paths, screened or unindexed patterns, IPv4 blocks shorter than /32, IPv6.
     */
    IndexedPath direct;

    void paths(List<IndexedPath> paths) {
        this.paths = List.copyOf(paths);
        this.streamPaths = paths.stream().filter(p -> p.readsType || "value".equals(p.singleProperty))
                .toArray(IndexedPath[]::new);
    }

    boolean isEmpty() {
        return paths.isEmpty() && unindexed.isEmpty() && screens.isEmpty();
    }

    /** Recomputes {@link #direct} after the indicators of the type changed. */
    void refresh() {
        IndexedPath only = streamPaths.length == 1 && unindexed.isEmpty() && screens.isEmpty() ? streamPaths[0] : null;
        // IPv4 with /32 blocks only (keyed by their text): any other block needs the address read, IPv6 always.
        if (only != null && only.network && (only.kind != ObservableKind.IPV4 || only.ipv4InUse.length > 1
                || only.ipv4InUse.length == 1 && only.ipv4InUse[0] != 32)) {
            only = null;
        }
        direct = only;
    }
}
