package org.entente.core.stix;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * References between objects. Every property whose name ends in {@code _ref} holds an identifier and every
 * one ending in {@code _refs} a list of identifiers (section 2.9; for custom properties 11.1), at any depth
 * except inside dictionaries with free keys and the deprecated observed-data {@code objects} container,
 * whose references are local keys. Where the specification fixes the type a reference points to, the
 * identifier's type part must be that type.
 */
final class ReferenceRules {
    /** Values whose keys are data (dictionaries), so a key ending in _ref there says nothing. */
    private static final Set<String> DICTIONARIES = Set.of(
            "hashes", "additional_header_fields", "environment_variables", "request_header", "document_info_dict",
            "exif_tags", "ipfix", "optional_header", "contents");

    private static final Set<String> ADDRESSES = Set.of("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name");

    /** (object type, property) → the types the reference MUST point to. */
    private static final Map<String, Map<String, Set<String>>> EXPECTED = Map.ofEntries(
            Map.entry("sighting", Map.of(
                    "observed_data_refs", Set.of("observed-data"),
                    "where_sighted_refs", Set.of("identity", "location"))),
            Map.entry("malware", Map.of(
                    "sample_refs", Set.of("file", "artifact"),
                    "operating_system_refs", Set.of("software"))),
            Map.entry("malware-analysis", Map.of(
                    "host_vm_ref", Set.of("software"),
                    "operating_system_ref", Set.of("software"),
                    "installed_software_refs", Set.of("software"),
                    "sample_ref", Set.of("file", "network-traffic", "artifact"))),
            Map.entry("directory", Map.of("contains_refs", Set.of("file", "directory"))),
            Map.entry("domain-name", Map.of("resolves_to_refs", Set.of("ipv4-addr", "ipv6-addr", "domain-name"))),
            Map.entry("email-addr", Map.of("belongs_to_ref", Set.of("user-account"))),
            Map.entry("email-message", Map.of(
                    "from_ref", Set.of("email-addr"), "sender_ref", Set.of("email-addr"),
                    "to_refs", Set.of("email-addr"), "cc_refs", Set.of("email-addr"),
                    "bcc_refs", Set.of("email-addr"), "raw_email_ref", Set.of("artifact"))),
            Map.entry("file", Map.of(
                    "parent_directory_ref", Set.of("directory"), "content_ref", Set.of("artifact"))),
            Map.entry("ipv4-addr", Map.of(
                    "resolves_to_refs", Set.of("mac-addr"), "belongs_to_refs", Set.of("autonomous-system"))),
            Map.entry("ipv6-addr", Map.of(
                    "resolves_to_refs", Set.of("mac-addr"), "belongs_to_refs", Set.of("autonomous-system"))),
            Map.entry("network-traffic", Map.of(
                    "src_ref", ADDRESSES, "dst_ref", ADDRESSES,
                    "src_payload_ref", Set.of("artifact"), "dst_payload_ref", Set.of("artifact"),
                    "encapsulates_refs", Set.of("network-traffic"), "encapsulated_by_ref", Set.of("network-traffic"))),
            Map.entry("process", Map.of(
                    "opened_connection_refs", Set.of("network-traffic"), "creator_user_ref", Set.of("user-account"),
                    "image_ref", Set.of("file"), "parent_ref", Set.of("process"), "child_refs", Set.of("process"))),
            Map.entry("windows-registry-key", Map.of("creator_user_ref", Set.of("user-account"))));

    private ReferenceRules() {}

    static void check(StixObject object, Findings findings) {
        String type = object.type();
        Map<String, Set<String>> expected = EXPECTED.getOrDefault(type, Map.of());
        boolean observedData = type.equals("observed-data");
        // forEach rather than entrySet(): the read-only view wraps every entry it iterates.
        object.properties().forEach((name, value) -> {
            if (observedData && name.equals("objects")) return;
            // Checked with their expected type by CommonPropertyRules and GranularMarkingRules.
            if (name.equals("created_by_ref") || name.equals("object_marking_refs") || name.equals("granular_markings")) return;
            if (isReferenceName(name)) {
                walk(name, value, name, findings, expected.getOrDefault(name, Set.of()));
            } else if (isContainer(value)) {
                walk(name, value, name, findings, Set.of()); // nothing to check in a top-level scalar of another name
            }
        });
    }

    /** Checks one value that must be an identifier of one of {@code types} (any type when the set is empty). */
    static void requireReferenceTo(Object value, String path, Findings findings, String section, Set<String> types) {
        if (!refersTo(value, types, findings)) reportBadReference(value, path, findings, section, types);
    }

    /** True when the value is an identifier of one of {@code types} (of any type when the set is empty). */
    static boolean refersTo(Object value, Set<String> types, Findings findings) {
        if (!(value instanceof String text)) return false;
        if (!findings.isIdentifier(text)) return false;
        if (types.isEmpty()) return true; // the usual case
        // The sets hold one to four types: comparing in place is cheaper than cutting out the type and hashing it.
        for (String type : types) {
            if (StixIdentifier.hasType(text, type)) return true;
        }
        return false;
    }

    /** Says why a value {@link #refersTo} rejected is not a good reference; only then is the path needed. */
    static void reportBadReference(Object value, String path, Findings findings, String section, Set<String> types) {
        String type = value instanceof String s ? StixIdentifier.typeOf(s) : null;
        if (type == null) {
            findings.error(path, path + " MUST be an identifier <type>--<UUID> (" + section + "), not "
                    + VersioningRules.shown(value));
        } else {
            findings.error(path, path + " MUST refer to an object of type " + String.join(" or ", types.stream().sorted().toList())
                    + ", not " + type + " (" + section + ")");
        }
    }

    /**
     * Checks a property (at {@code path}) and what it contains. Paths of nested values are only built for
     * values that can hold a reference, because most nested values (strings in lists, say) cannot.
     */
    private static void walk(String name, Object value, String path, Findings findings, Set<String> types) {
        if (name.endsWith("_ref")) {
            requireReferenceTo(value, path, findings, "2.9", types);
        } else if (name.endsWith("_refs")) {
            if (!(value instanceof List<?> list)) {
                findings.error(path, path + " MUST be a list of identifiers (2.9)");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!refersTo(list.get(i), types, findings)) {
                    reportBadReference(list.get(i), path + "[" + i + "]", findings, "2.9", types);
                }
            }
        } else if (!DICTIONARIES.contains(name)) {
            descend(value, path, findings);
        }
    }

    private static void descend(Object value, String path, Findings findings) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object child = entry.getValue();
                // walk does nothing with a scalar under a name that is not a reference.
                if (isReferenceName(key) || isContainer(child)) {
                    walk(key, child, path + "." + key, findings, Set.of());
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                // Only an element that can hold a reference needs its path (a kill chain phase, say, cannot).
                if (mayHoldReference(element)) descend(element, path + "[" + i + "]", findings);
            }
        }
    }

    /** A list, or a map with a reference-named key or a container value: what {@link #descend} could report in. */
    private static boolean mayHoldReference(Object value) {
        if (value instanceof List<?>) return true;
        if (!(value instanceof Map<?, ?> map)) return false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (isReferenceName(String.valueOf(entry.getKey())) || isContainer(entry.getValue())) return true;
        }
        return false;
    }

    private static boolean isReferenceName(String name) {
        return name.endsWith("_ref") || name.endsWith("_refs");
    }

    private static boolean isContainer(Object value) {
        // Most values are strings; String is a final class, so this first test is one comparison, where the
        // interface tests that follow have to search the value's supertypes.
        if (value instanceof String) return false;
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }
}
