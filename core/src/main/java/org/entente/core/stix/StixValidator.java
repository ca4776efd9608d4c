package org.entente.core.stix;

import java.util.List;

/**
 * Checks one STIX object against the specification: common and type-specific required properties,
 * identifier format, timestamp format and precision, {@code modified >= created}, and the vocabularies
 * and enumerations the specification makes MUST. Never throws for bad content; everything it finds is a
 * {@link Violation}.
 */
@FunctionalInterface
public interface StixValidator {
    List<Violation> validate(StixObject object);

    /** The STIX 2.1 rules. */
    static StixValidator stix21() {
        return Stix21Validator.INSTANCE;
    }
}
