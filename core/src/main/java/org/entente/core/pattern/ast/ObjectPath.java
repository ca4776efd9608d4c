package org.entente.core.pattern.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code type:property.sub[0].x} (STIX 2.1 section 9.4): an object type and at least one step, the first a
 * property name.
 */
public record ObjectPath(String objectType, List<PathStep> steps) {
    public ObjectPath {
        Objects.requireNonNull(objectType, "objectType");
        steps = List.copyOf(steps);
        if (steps.isEmpty() || !(steps.getFirst() instanceof PathStep.Property)) {
            throw new IllegalArgumentException("an object path starts with a property name");
        }
    }
}
