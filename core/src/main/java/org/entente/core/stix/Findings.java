package org.entente.core.stix;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations found in one object, each naming the object's id. */
final class Findings {
    private final String objectId;
    /** Most objects are valid, so the list is only made for the first violation. */
    private List<Violation> violations;
    /**
     * Identifiers this validation already found well-formed, most recent last (a small ring). Several rule
     * families read the same reference (a relationship's source_ref and target_ref, a sighting's
     * sighting_of_ref, an SCO's id); they are the same String of the one tree, so comparing by reference is
     * enough and far cheaper than scanning the identifier again.
     */
    private final String[] wellFormedIdentifiers = new String[4];
    private int nextSlot;

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

    /** {@link StixIdentifier#isWellFormed}, remembering the identifiers found good for the rest of this validation. */
    boolean isIdentifier(String text) {
        for (String known : wellFormedIdentifiers) {
            if (known == text) return true;
        }
        if (!StixIdentifier.isWellFormed(text)) return false;
        wellFormedIdentifiers[nextSlot] = text;
        nextSlot = (nextSlot + 1) % wellFormedIdentifiers.length;
        return true;
    }

    List<Violation> violations() {
        return violations == null ? List.of() : List.copyOf(violations);
    }

    private void add(Violation violation) {
        if (violations == null) violations = new ArrayList<>();
        violations.add(violation);
    }
}
