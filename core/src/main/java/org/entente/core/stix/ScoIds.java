package org.entente.core.stix;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.core.stix.codec.StixJson;

/**
 * Deterministic identifiers of cyber-observable objects (STIX 2.1 section 2.9 and the "ID Contributing
 * Properties" of each SCO in chapter 6): the UUID SHOULD be the UUIDv5, in namespace
 * {@value #NAMESPACE_TEXT}, of the RFC 8785 canonical JSON of the object's ID contributing properties that are
 * present. When none is present, or the type has none (process), the UUID SHOULD be a random UUIDv4, so
 * there is no deterministic id.
 *
 * <p>Of {@code hashes}, only one entry contributes: MD5, else SHA-1, else SHA-256, else SHA-512, else the
 * first entry (the rule the OASIS reference implementation follows).
 */
public final class ScoIds {
    static final String NAMESPACE_TEXT = "00abedb4-aa42-466c-9c01-fed23315a9b7";
    public static final UUID NAMESPACE = UUID.fromString(NAMESPACE_TEXT);

    private static final Map<String, List<String>> CONTRIBUTING = Map.ofEntries(
            Map.entry("artifact", List.of("hashes", "payload_bin")),
            Map.entry("autonomous-system", List.of("number")),
            Map.entry("directory", List.of("path")),
            Map.entry("domain-name", List.of("value")),
            Map.entry("email-addr", List.of("value")),
            Map.entry("email-message", List.of("from_ref", "subject", "body")),
            Map.entry("file", List.of("hashes", "name", "extensions", "parent_directory_ref")),
            Map.entry("ipv4-addr", List.of("value")),
            Map.entry("ipv6-addr", List.of("value")),
            Map.entry("mac-addr", List.of("value")),
            Map.entry("mutex", List.of("name")),
            Map.entry("network-traffic", List.of(
                    "start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions")),
            Map.entry("process", List.of()),
            Map.entry("software", List.of("name", "cpe", "swid", "vendor", "version")),
            Map.entry("url", List.of("value")),
            Map.entry("user-account", List.of("account_type", "user_id", "account_login")),
            Map.entry("windows-registry-key", List.of("key", "values")),
            Map.entry("x509-certificate", List.of("hashes", "serial_number")));

    private static final List<String> HASH_PREFERENCE = List.of("MD5", "SHA-1", "SHA-256", "SHA-512");

    private ScoIds() {}

    /** The ID contributing properties of a specification-defined SCO type; empty for other types. */
    public static Optional<List<String>> contributingProperties(String type) {
        return Optional.ofNullable(CONTRIBUTING.get(type));
    }

    /**
     * The id the object SHOULD have, or empty when the specification gives it none: a type that is not a
     * defined SCO (custom SCOs name their contributing properties in their extension definition), or an
     * object without any contributing property.
     */
    public static Optional<String> deterministicId(StixObject object) {
        List<String> names = CONTRIBUTING.get(object.type());
        if (names == null) return Optional.empty();
        Map<String, Object> contributing = new LinkedHashMap<>();
        for (String name : names) {
            if (!object.has(name) || object.get(name) == null) continue;
            Object value = object.get(name);
            if (name.equals("hashes")) {
                Optional<Map<String, Object>> one = oneHash(value);
                if (one.isEmpty()) continue;
                value = one.get();
            }
            contributing.put(name, value);
        }
        if (contributing.isEmpty()) return Optional.empty();
        return Optional.of(idFor(object.type(), contributing));
    }

    /** {@code <type>--<UUIDv5 of the canonical JSON of the given contributing properties>}. */
    public static String idFor(String type, Map<String, Object> contributingProperties) {
        byte[] canonical = StixJson.canonical(contributingProperties);
        return type + "--" + UuidV5.of(NAMESPACE, canonical);
    }

    /** The canonical JSON text the id of {@code contributingProperties} is computed over. */
    public static String canonicalText(Map<String, Object> contributingProperties) {
        return new String(StixJson.canonical(contributingProperties), StandardCharsets.UTF_8);
    }

    private static Optional<Map<String, Object>> oneHash(Object hashes) {
        if (!(hashes instanceof Map<?, ?> map) || map.isEmpty()) return Optional.empty();
        for (String algorithm : HASH_PREFERENCE) {
            if (map.containsKey(algorithm)) return Optional.of(entry(algorithm, map.get(algorithm)));
        }
        Map.Entry<?, ?> first = map.entrySet().iterator().next();
        return Optional.of(entry(String.valueOf(first.getKey()), first.getValue()));
    }

    private static Map<String, Object> entry(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(); // allows a null value, which canonical JSON keeps
        map.put(key, value);
        return map;
    }
}
