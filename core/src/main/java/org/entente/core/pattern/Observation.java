package org.entente.core.pattern;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entente.core.stix.StixObject;

/**
 * One observed-data object as the matcher sees it (STIX 2.1 section 4.14): when it was seen, how often, and its
 * cyber-observable objects. {@code rootIds} are the objects a pattern's object type is matched against (the
 * {@code object_refs}, or every key of a STIX 2.0 {@code objects} dictionary); {@code objects} is everything
 * references may resolve to, keyed by id (or by the 2.0 dictionary key).
 *
 * <p>{@code numberObserved} n counts as n separate observations with the same times and objects, which is how
 * REPEATS and AND can be satisfied by one observed-data object (section 9.5).
 */
public record Observation(
        String id,
        Instant firstObserved,
        Instant lastObserved,
        long numberObserved,
        Map<String, StixObject> objects,
        List<String> rootIds) {

    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstObserved, "firstObserved");
        Objects.requireNonNull(lastObserved, "lastObserved");
        objects = Map.copyOf(objects);
        rootIds = List.copyOf(rootIds);
        if (numberObserved < 1) {
            throw new IllegalArgumentException(id + ": number_observed must be at least 1, was " + numberObserved);
        }
        if (lastObserved.isBefore(firstObserved)) {
            throw new IllegalArgumentException(id + ": last_observed is before first_observed");
        }
    }
}
