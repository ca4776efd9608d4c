package org.entente.core.stix;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Granular markings (section 7.2.3): each has a non-empty list of selectors and exactly one of
 * {@code marking_ref} (a marking-definition id) or {@code lang}; every selector MUST select a property or
 * list item present in the object (7.2.3.1: dot-separated property names, {@code [n]} for list items).
 */
final class GranularMarkingRules {
    private static final Pattern LIST_INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Set<String> MARKING_DEFINITION = Set.of("marking-definition");

    private GranularMarkingRules() {}

    static void check(StixObject object, Findings findings) {
        Object value = object.valueOrAbsent("granular_markings");
        if (value == StixObject.ABSENT) return;
        Optional<List<Object>> markings = JsonValues.list(value);
        if (markings.isEmpty()) {
            findings.error("granular_markings", "granular_markings MUST be a list of granular markings (7.2.3)");
            return;
        }
        for (int i = 0; i < markings.get().size(); i++) {
            String path = "granular_markings[" + i + "]";
            Optional<Map<String, Object>> marking = JsonValues.object(markings.get().get(i));
            if (marking.isEmpty()) {
                findings.error(path, "a granular marking MUST be an object (7.2.3)");
                continue;
            }
            check(object, marking.get(), path, findings);
        }
    }

    private static void check(StixObject object, Map<String, Object> marking, String path, Findings findings) {
        boolean hasRef = marking.containsKey("marking_ref");
        boolean hasLang = marking.containsKey("lang");
        if (hasRef == hasLang) {
            findings.error(path, "a granular marking MUST have exactly one of marking_ref or lang (7.2.3)");
        }
        if (hasRef) {
            ReferenceRules.requireReferenceTo(marking.get("marking_ref"), path + ".marking_ref", findings, "7.2.3",
                    MARKING_DEFINITION);
            if (object.id().equals(marking.get("marking_ref"))) {
                findings.error(path + ".marking_ref", "a marking definition MUST NOT mark itself (7.2.3)");
            }
        }
        if (!JsonValues.isStringList(marking.get("selectors"))) {
            findings.error(path + ".selectors", "selectors is required: a non-empty list of selector strings (7.2.3)");
            return;
        }
        List<?> selectors = (List<?>) marking.get("selectors");
        for (int s = 0; s < selectors.size(); s++) {
            String selector = (String) selectors.get(s);
            Optional<String> problem = resolve(object.properties(), selector);
            problem.ifPresent(p -> findings.error(path + ".selectors", "selector '" + selector
                    + "' MUST select content present in the object (7.2.3.1): " + p));
        }
    }

    /** Follows a selector through the object; empty when it selects something, else why it does not. */
    private static Optional<String> resolve(Map<String, Object> root, String selector) {
        Object current = root;
        for (String segment : selector.split("\\.", -1)) {
            Matcher index = LIST_INDEX.matcher(segment);
            if (index.matches()) {
                if (!(current instanceof List<?> list)) return Optional.of("'" + segment + "' indexes something that is not a list");
                int at;
                try {
                    at = Integer.parseInt(index.group(1));
                } catch (NumberFormatException e) {
                    return Optional.of("index " + index.group(1) + " is out of range");
                }
                if (at >= list.size()) return Optional.of("index " + at + " is out of range");
                current = list.get(at);
            } else {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
                    return Optional.of("there is no property '" + segment + "'");
                }
                current = map.get(segment);
            }
        }
        return Optional.empty();
    }
}
