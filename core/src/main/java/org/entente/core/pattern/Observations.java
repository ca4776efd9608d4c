package org.entente.core.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.pattern.ast.TimestampText;
import org.entente.core.stix.StixObject;

/**
 * Builds {@link Observation}s from STIX content. Both layouts are understood: STIX 2.1 observed-data pointing at
 * SCOs in the same bundle through {@code object_refs}, and STIX 2.0 observed-data carrying its objects in an
 * embedded {@code objects} dictionary whose references use the dictionary keys. An observed-data object with a
 * non-empty {@code objects} dictionary is read the 2.0 way; otherwise by {@code object_refs}.
 */
public final class Observations {
    private Observations() {}

    /** The observations in several bundles; references resolve within each bundle. */
    public static List<Observation> fromBundles(List<StixObject> bundles) {
        List<Observation> out = new ArrayList<>();
        for (StixObject bundle : bundles) {
            List<StixObject> objects = new ArrayList<>();
            for (Object element : bundle.list("objects")) {
                objects.add(asObject(element, "bundle " + bundle.id() + " objects"));
            }
            out.addAll(fromObjects(objects));
        }
        return out;
    }

    /**
     * The observations among one set of objects (the contents of a bundle, or a list of 2.0 observed-data
     * objects); every observed-data object becomes one observation, other objects are reference targets.
     */
    public static List<Observation> fromObjects(List<StixObject> objects) {
        Map<String, StixObject> byId = new LinkedHashMap<>();
        for (StixObject o : objects) {
            if (!o.id().isEmpty()) byId.put(o.id(), o);
        }
        Map<String, StixObject> context = Map.copyOf(byId); // shared by all observations, not copied per one
        List<Observation> out = new ArrayList<>();
        for (StixObject o : objects) {
            if (o.type().equals("observed-data")) out.add(fromObservedData(o, context));
        }
        return out;
    }

    /**
     * Observations from a list of observed-data objects given directly (the STIX 2.0 way of handing them to a
     * matcher). Each object is taken as observed-data whatever its {@code type} says, because early producers
     * used other names for the container (such as {@code cybox-container}); references resolve among the list.
     */
    public static List<Observation> fromObservedData(List<StixObject> observedData) {
        Map<String, StixObject> byId = new LinkedHashMap<>();
        for (StixObject o : observedData) {
            if (!o.id().isEmpty()) byId.put(o.id(), o);
        }
        Map<String, StixObject> context = Map.copyOf(byId);
        List<Observation> out = new ArrayList<>();
        for (StixObject o : observedData) out.add(fromObservedData(o, context));
        return out;
    }

    /** One observed-data object; {@code context} holds the objects its {@code object_refs} may name. */
    public static Observation fromObservedData(StixObject observedData, Map<String, StixObject> context) {
        String id = observedData.id().isEmpty() ? "observed-data (no id)" : observedData.id();
        long number = number(observedData, id);
        var first = TimestampText.toInstant(required(observedData, "first_observed", id));
        var last = TimestampText.toInstant(required(observedData, "last_observed", id));
        if (observedData.get("objects") instanceof Map<?, ?> embedded && !embedded.isEmpty()) {
            Map<String, StixObject> objects = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : embedded.entrySet()) {
                objects.put(String.valueOf(e.getKey()), asObject(e.getValue(), id + " objects." + e.getKey()));
            }
            return new Observation(id, first, last, number, objects, List.copyOf(objects.keySet()));
        }
        List<String> roots = new ArrayList<>();
        for (Object ref : observedData.list("object_refs")) {
            if (!(ref instanceof String s)) throw new IllegalArgumentException(id + ": object_refs holds a non-string");
            roots.add(s);
        }
        return new Observation(id, first, last, number, context, roots);
    }

    private static String required(StixObject o, String property, String id) {
        return o.string(property).orElseThrow(
                () -> new IllegalArgumentException(id + ": " + property + " is missing or not a string"));
    }

    private static long number(StixObject o, String id) {
        if (o.get("number_observed") instanceof Number n && !(n instanceof Double) && !(n instanceof Float)
                && new java.math.BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
            return n.longValue();
        }
        throw new IllegalArgumentException(id + ": number_observed is missing or not an integer");
    }

    @SuppressWarnings("unchecked")
    private static StixObject asObject(Object element, String where) {
        if (element instanceof StixObject o) return o;
        if (element instanceof Map<?, ?> map) return StixObject.of((Map<String, Object>) map);
        throw new IllegalArgumentException(where + " holds something that is not an object");
    }
}
