package org.entente.core.stix;

import java.util.List;

/**
 * The STIX 2.1 rules, applied in families, each in its own class: identity (type and id), required
 * properties ({@link StixTypes}), property names and values, common properties, granular markings,
 * extensions, references, timestamps, hashes, and the rules of each category (domain, relationship,
 * cyber-observable, meta objects). Deterministic SCO ids ({@link ScoIds}) are a SHOULD, so a mismatch is a
 * warning.
 *
 * <p>STIX 2.0 content ({@link StixVersions#specVersionOf}) is accepted as 2.0: only the type, the id and
 * created/modified are checked, since the 2.1 rules do not apply to it.
 */
final class Stix21Validator implements StixValidator {
    static final Stix21Validator INSTANCE = new Stix21Validator();

    @Override
    public List<Violation> validate(StixObject object) {
        return validate(object, null);
    }

    @Override
    public List<Violation> validate(StixObject object, String bundleSpecVersion) {
        Findings findings = new Findings(object.id());
        // Looked up once: the type rules, the category and the required properties all come from the type's entry.
        StixType definition = StixTypes.of(object.type()).orElse(null);
        IdentityRules.check(object, definition != null, findings);
        StixCategory category = definition == null ? StixCategory.CUSTOM : definition.category();
        String version = StixVersions.specVersionOf(object, bundleSpecVersion);
        if (category == StixCategory.BUNDLE) {
            MetaObjectRules.bundle(object, findings);
            return findings.violations();
        }
        Object specVersion = object.valueOrAbsent("spec_version");
        if (specVersion != StixObject.ABSENT && !StixVersions.V21.equals(specVersion)) {
            // STIX 2.0 objects carry no spec_version (their bundle does), so an object naming any other value is wrong.
            findings.error("spec_version", "spec_version MUST be \"2.1\" (3.2); STIX 2.0 objects carry none, not "
                    + VersioningRules.shown(specVersion));
        }
        if (StixVersions.V20.equals(version)) {
            stix20(object, category, findings);
            return findings.violations();
        }
        if (definition != null) required(object, definition, findings);
        PropertyNameRules.check(object, findings);
        CommonPropertyRules.check(object, findings);
        GranularMarkingRules.check(object, findings);
        ExtensionRules.check(object, findings);
        ReferenceRules.check(object, findings);
        TimestampRules.check(object, findings);
        Object hashes = object.valueOrAbsent("hashes");
        if (hashes != StixObject.ABSENT) HashesRules.check(hashes, "hashes", findings);
        switch (category) {
            case SDO -> {
                VersioningRules.check(object, findings, true);
                DomainObjectRules.check(object, findings);
            }
            case SRO -> {
                VersioningRules.check(object, findings, true);
                RelationshipObjectRules.check(object, findings);
            }
            case META -> {
                VersioningRules.check(object, findings, true);
                MetaObjectRules.check(object, findings);
            }
            case SCO -> {
                ObservableRules.check(object, findings);
                deterministicId(object, findings);
            }
            // A custom type may be an SDO-like or an SCO-like object (11.2); only what is present is checked.
            default -> VersioningRules.check(object, findings, false);
        }
        return findings.violations();
    }

    private static void required(StixObject object, StixType type, Findings findings) {
        for (String name : type.required()) {
            // type and id are reported by IdentityRules (and tested first, as they are cheaper than a lookup).
            if (!name.equals("type") && !name.equals("id") && !object.has(name)) {
                findings.error(name, name + " is required for " + object.type() + " (" + type.section() + ")");
            }
        }
    }

    private static void deterministicId(StixObject object, Findings findings) {
        ScoIds.deterministicId(object).ifPresent(expected -> {
            if (findings.isIdentifier(object.id()) && !expected.equals(object.id())) {
                findings.warning("id", "the id of a " + object.type() + " SHOULD be the UUIDv5 of its ID contributing "
                        + "properties, " + expected + " (2.9)");
            }
        });
    }

    /** STIX 2.0: type and id (checked above), and created/modified on everything but a top-level SCO. */
    private static void stix20(StixObject object, StixCategory category, Findings findings) {
        if (category != StixCategory.SCO) {
            for (String name : object.type().equals("marking-definition") ? List.of("created") : List.of("created", "modified")) {
                if (!object.has(name)) findings.error(name, name + " is required (STIX 2.0 Part 1, 3.1)");
            }
        }
        VersioningRules.check(object, findings, false);
    }
}
