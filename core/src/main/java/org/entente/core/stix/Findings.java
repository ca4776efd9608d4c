package org.entente.core.stix;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations found in one object, each naming the object's id. */
final class Findings {
    private final String objectId;
    private final List<Violation> violations = new ArrayList<>();

    Findings(String objectId) {
        this.objectId = objectId;
    }

    /** A MUST the object breaks. */
    void error(String property, String rule) {
        violations.add(Violation.error(objectId, property, rule));
    }

    /** A SHOULD the object does not follow. */
    void warning(String property, String rule) {
        violations.add(Violation.warning(objectId, property, rule));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }
}
