package org.entente.server.index;

import java.util.List;
import java.util.Optional;
import org.entente.core.observable.Observable;

/**
 * The objects around one object, as far as the asking member may see them: those sharing an observable with
 * it and those a STIX reference connects it to, breadth first up to a depth, at most a bounded number.
 * {@code truncated} says the bound cut the walk short.
 */
public record Neighbourhood(String root, List<Node> objects, List<Edge> edges, boolean truncated) {
    public Neighbourhood {
        objects = List.copyOf(objects);
        edges = List.copyOf(edges);
    }

    /** An object and how many steps it lies from the root. */
    public record Node(String id, String type, int depth) {}

    /**
     * A link between two objects: a shared observable ({@code via} present) or a STIX reference from
     * {@code from} to {@code to} ({@code via} empty).
     */
    public record Edge(String from, String to, Optional<Observable> via) {}
}
