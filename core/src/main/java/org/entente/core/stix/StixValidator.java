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

    /**
     * Validates an object read from a bundle or envelope that declared {@code bundleSpecVersion} (STIX 2.0
     * bundles carry {@code "spec_version": "2.0"}; null when none was declared). Validators that know only
     * one version ignore it.
     */
    default List<Violation> validate(StixObject object, String bundleSpecVersion) {
        return validate(object);
    }

    /** The STIX 2.1 rules. */
    static StixValidator stix21() {
        return Stix21Validator.INSTANCE;
    }
}
