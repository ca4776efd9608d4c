package org.entente.core.stix;

import java.util.Set;

/**
 * Which STIX version an object is written in. STIX 2.1 objects name it in {@code spec_version}
 * (required on SDOs, SROs and meta objects, optional on SCOs, section 3.2); STIX 2.0 objects carry none and
 * their bundle says {@code "spec_version": "2.0"}.
 */
public final class StixVersions {
    public static final String V20 = "2.0";
    public static final String V21 = "2.1";

    /** Types that only exist in 2.1: an object of one of these without spec_version is a 2.1 object missing it. */
    private static final Set<String> ONLY_IN_21 = Set.of(
            "grouping", "incident", "infrastructure", "location", "malware-analysis", "note", "opinion",
            "language-content", "extension-definition");
    /** Properties that only 2.1 defines for SDOs and SROs; their presence shows a 2.1 layout. */
    private static final Set<String> MARKS_OF_21 = Set.of(
            "pattern_type", "pattern_version", "is_family", "extensions", "confidence", "lang");

    private StixVersions() {}

    /**
     * The version of {@code object}: its own {@code spec_version} when it has one; else the bundle's
     * ({@code bundleSpecVersion}, null when unknown or a 2.1 bundle); else 2.1 for objects that only 2.1 can
     * express (cyber-observables at the top level, 2.1-only types and properties, custom types) and 2.0
     * for the rest.
     */
    public static String specVersionOf(StixObject object, String bundleSpecVersion) {
        if (object.get("spec_version") instanceof String version) return version;
        StixCategory category = StixTypes.categoryOf(object.type());
        if (category == StixCategory.BUNDLE) return V21; // a 2.0 bundle names its spec_version
        if (bundleSpecVersion != null) return bundleSpecVersion;
        if (category == StixCategory.SCO || category == StixCategory.CUSTOM) return V21;
        if (ONLY_IN_21.contains(object.type())) return V21;
        if (object.properties().keySet().stream().anyMatch(MARKS_OF_21::contains)) return V21;
        return V20;
    }
}
