package org.entente.core.stix;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations found in one object, each naming the object's id. */
final class Findings {
    private final String objectId;
    /** Most objects are valid, so the list is only made for the first violation. */
    private List<Violation> violations;

    Findings(String objectId) {
        this.objectId = objectId;
    }

    /** A MUST the object breaks. */
    void error(String property, String rule) {
        add(Violation.error(objectId, property, rule));
    }

    /** A SHOULD the object does not follow. */
    void warning(String property, String rule) {
        add(Violation.warning(objectId, property, rule));
    }

    List<Violation> violations() {
        return violations == null ? List.of() : List.copyOf(violations);
    }

    private void add(Violation violation) {
        if (violations == null) violations = new ArrayList<>();
        violations.add(violation);
    }
}
