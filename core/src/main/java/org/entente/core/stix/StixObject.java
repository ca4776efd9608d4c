package org.entente.core.stix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One STIX 2.1 object (or a STIX 2.0 object kept as received), held as its JSON tree of plain Java
 * values so that unknown properties, custom properties and extensions survive a round trip unchanged.
 *
 * <p>Values in the tree are {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code java.math.BigInteger},
 * {@code java.math.BigDecimal}, {@code List<Object>}, {@code Map<String, Object>} (insertion ordered) or
 * {@code null} for a JSON null. The tree is not copied on access: treat it as read-only.
 *
 * <p>An instance says nothing about validity; {@link StixValidator} decides that.
 */
public final class StixObject {
    private final Map<String, Object> properties;
    /** {@link #type()}, kept once found: every rule family of the validator asks for it. */
    private String type;

    private StixObject(Map<String, Object> properties) {
        this.properties = properties;
    }

    /** Wraps a JSON tree; the map is used as it is (no copy), so the caller must not change it afterwards. */
    public static StixObject of(Map<String, Object> properties) {
        return new StixObject(Collections.unmodifiableMap(Objects.requireNonNull(properties, "properties")));
    }

    /** Builds an object from name/value pairs in order, for code that creates objects. */
    public static StixObject of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return of(map);
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The {@code type} property, or the empty string when it is missing or not a string. */
    public String type() {
        // Unsynchronised on purpose: the tree is read-only, so a racing thread can only compute the same value.
        String known = type;
        if (known == null) {
            known = properties.get("type") instanceof String s ? s : "";
            type = known;
        }
        return known;
    }

    /** The {@code id} property, or the empty string when it is missing or not a string. */
    public String id() {
        return properties.get("id") instanceof String s ? s : "";
    }

    /** {@code spec_version}; STIX 2.0 objects have none (their bundle carries it). */
    public Optional<String> specVersion() {
        return string("spec_version");
    }

    public Optional<StixTimestamp> created() {
        return timestamp("created");
    }

    public Optional<StixTimestamp> modified() {
        return timestamp("modified");
    }

    /**
     * The version by STIX rules: {@code modified}, else {@code created}; empty for objects that carry
     * neither (most cyber-observables), which have a single version.
     */
    public Optional<StixTimestamp> version() {
        Optional<StixTimestamp> modified = modified();
        return modified.isPresent() ? modified : created();
    }

    public Optional<String> string(String name) {
        return properties.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** Stands for a property the object does not have (a JSON null value cannot: it is a value). */
    static final Object ABSENT = new Object();

    /**
     * The value of a property, or {@link #ABSENT}: one map lookup where {@link #has} then {@link #get} take
     * two. The validator asks for a dozen optional properties of every object, most of them absent.
     */
    Object valueOrAbsent(String name) {
        return properties.getOrDefault(name, ABSENT);
    }

    public boolean has(String name) {
        return properties.containsKey(name);
    }

    public Object get(String name) {
        return properties.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return properties.get(name) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private Optional<StixTimestamp> timestamp(String name) {
        return string(name).flatMap(StixTimestamp::tryParse);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StixObject other && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    @Override
    public String toString() {
        return type() + " " + id();
    }
}
