package org.entente.core.stix;

import java.util.Objects;
import java.util.Set;

/**
 * What the STIX 2.1 specification says about one object type: its category, the section that defines it
 * and the properties it requires (including the common ones, such as {@code spec_version}).
 */
public record StixType(String name, StixCategory category, String section, Set<String> required) {
    public StixType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(section, "section");
        required = Set.copyOf(required);
    }
}
