package org.entente.core.stix;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table of STIX 2.1 object types: for every type defined by the specification its category, its
 * section, and its required properties. Types not in the table are custom (chapter 11).
 */
public final class StixTypes {
    /** Section 3.2: every SDO and SRO requires these. */
    private static final List<String> VERSIONED_COMMON = List.of("type", "spec_version", "id", "created", "modified");
    /** Section 6 (SCO common properties): {@code spec_version} is optional for SCOs. */
    private static final List<String> SCO_COMMON = List.of("type", "id");

    private static final Map<String, StixType> TYPES = new LinkedHashMap<>();

    static {
        sdo("attack-pattern", "4.1", "name");
        sdo("campaign", "4.2", "name");
        sdo("course-of-action", "4.3", "name");
        sdo("grouping", "4.4", "context", "object_refs");
        sdo("identity", "4.5", "name");
        sdo("incident", "4.6", "name");
        sdo("indicator", "4.7", "pattern", "pattern_type", "valid_from");
        sdo("infrastructure", "4.8", "name");
        sdo("intrusion-set", "4.9", "name");
        sdo("location", "4.10");
        sdo("malware", "4.11", "is_family");
        sdo("malware-analysis", "4.12", "product");
        sdo("note", "4.13", "content", "object_refs");
        sdo("observed-data", "4.14", "first_observed", "last_observed", "number_observed");
        sdo("opinion", "4.15", "opinion", "object_refs");
        sdo("report", "4.16", "name", "published", "object_refs");
        sdo("threat-actor", "4.17", "name");
        sdo("tool", "4.18", "name");
        sdo("vulnerability", "4.19", "name");

        add("relationship", StixCategory.SRO, "5.1", VERSIONED_COMMON, "relationship_type", "source_ref", "target_ref");
        add("sighting", StixCategory.SRO, "5.2", VERSIONED_COMMON, "sighting_of_ref");

        sco("artifact", "6.1");
        sco("autonomous-system", "6.2", "number");
        sco("directory", "6.3", "path");
        sco("domain-name", "6.4", "value");
        sco("email-addr", "6.5", "value");
        sco("email-message", "6.6", "is_multipart");
        sco("file", "6.7");
        sco("ipv4-addr", "6.8", "value");
        sco("ipv6-addr", "6.9", "value");
        sco("mac-addr", "6.10", "value");
        sco("mutex", "6.11", "name");
        sco("network-traffic", "6.12", "protocols");
        sco("process", "6.13");
        sco("software", "6.14", "name");
        sco("url", "6.15", "value");
        sco("user-account", "6.16");
        sco("windows-registry-key", "6.17");
        sco("x509-certificate", "6.18");

        add("language-content", StixCategory.META, "7.1", VERSIONED_COMMON, "object_ref", "contents");
        // 7.2.1: no modified (marking definitions cannot be versioned); definition_type/definition or extensions.
        add("marking-definition", StixCategory.META, "7.2.1", List.of("type", "spec_version", "id", "created"));
        add("extension-definition", StixCategory.META, "7.3", VERSIONED_COMMON,
                "created_by_ref", "name", "schema", "version", "extension_types");
        // Chapter 8: a 2.1 bundle has no spec_version of its own.
        add("bundle", StixCategory.BUNDLE, "8", List.of("type", "id"));
    }

    private StixTypes() {}

    /** The definition of a type the specification defines; empty for custom types. */
    public static Optional<StixType> of(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /** The category of a type; {@link StixCategory#CUSTOM} for types the specification does not define. */
    public static StixCategory categoryOf(String type) {
        StixType t = TYPES.get(type);
        return t == null ? StixCategory.CUSTOM : t.category();
    }

    public static Collection<StixType> all() {
        return TYPES.values();
    }

    private static void sdo(String name, String section, String... required) {
        add(name, StixCategory.SDO, section, VERSIONED_COMMON, required);
    }

    private static void sco(String name, String section, String... required) {
        add(name, StixCategory.SCO, section, SCO_COMMON, required);
    }

    private static void add(String name, StixCategory category, String section, List<String> common, String... required) {
        Set<String> all = new LinkedHashSet<>(common);
        all.addAll(List.of(required));
        TYPES.put(name, new StixType(name, category, section, all));
    }
}
