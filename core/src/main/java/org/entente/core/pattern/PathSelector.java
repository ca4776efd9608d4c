package org.entente.core.pattern;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.stix.StixObject;

/**
 * Walks an object path from one root object to the values it selects (STIX 2.1 section 9.4). A path can select
 * several values ({@code [*]}), or none when a step is missing. Properties ending {@code _ref} are followed to the
 * object they name and {@code _refs} to the list of them (references that do not resolve are left out);
 * properties ending {@code _hex} or {@code _bin} hold binary data and are decoded to bytes (section 2.2).
 */
final class PathSelector {
    private PathSelector() {}

    static List<Object> select(ObjectPath path, StixObject root, Observation observation) {
        List<Object> current = List.of(root.properties());
        for (PathStep step : path.steps()) {
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                switch (step) {
                    case PathStep.Property p -> {
                        if (value instanceof Map<?, ?> map && map.containsKey(p.name())) {
                            stepInto(p.name(), map.get(p.name()), observation, next);
                        }
                    }
                    case PathStep.Index i -> {
                        if (value instanceof List<?> list && i.index() < list.size()) next.add(list.get(i.index()));
                    }
                    case PathStep.AnyIndex any -> {
                        if (value instanceof List<?> list) next.addAll(list);
                    }
                }
            }
            if (next.isEmpty()) return List.of();
            current = next;
        }
        return current;
    }

    private static void stepInto(String name, Object raw, Observation observation, List<Object> next) {
        Object value = decodeBinary(name, raw);
        if (name.endsWith("_ref")) {
            if (value == null) return;
            if (!(value instanceof String id)) {
                throw new PatternEvaluationException("reference property " + name + " is not a string: " + value);
            }
            StixObject target = observation.objects().get(id);
            if (target != null) next.add(target.properties());
        } else if (name.endsWith("_refs")) {
            if (value == null) return;
            if (!(value instanceof List<?> ids)) {
                throw new PatternEvaluationException("reference list property " + name + " is not a list: " + value);
            }
            List<Object> targets = new ArrayList<>();
            for (Object id : ids) {
                if (!(id instanceof String s)) {
                    throw new PatternEvaluationException("reference list property " + name + " holds a non-string: " + id);
                }
                StixObject target = observation.objects().get(s);
                if (target != null) targets.add(target.properties());
            }
            next.add(targets);
        } else {
            next.add(value);
        }
    }

    private static Object decodeBinary(String name, Object value) {
        if (!(value instanceof String text)) return value;
        try {
            if (name.endsWith("_hex")) return HexFormat.of().parseHex(text);
            if (name.endsWith("_bin")) return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new PatternEvaluationException("property " + name + " does not hold "
                    + (name.endsWith("_hex") ? "hex" : "base64") + " data: " + text, e);
        }
        return value;
    }
}
