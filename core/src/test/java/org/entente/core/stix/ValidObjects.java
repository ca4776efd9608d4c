package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal valid STIX 2.1 objects for tests, as mutable JSON trees, and assertions on their violations. */
final class ValidObjects {
    static final String IDENTITY = "identity--311b2d2d-f010-4473-83ec-1edf84858f4c";
    static final String INDICATOR = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    static final String MALWARE = "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b";
    static final String CREATED = "2016-04-06T20:03:48.000Z";
    static final String MODIFIED = "2016-04-06T20:03:48.123Z";
    /** Marks a property to remove in {@link #with}. */
    static final Object ABSENT = new Object();

    private ValidObjects() {}

    static Map<String, Object> sdo(String type, String uuid, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("spec_version", "2.1");
        map.put("id", type + "--" + uuid);
        map.put("created", CREATED);
        map.put("modified", MODIFIED);
        for (int i = 0; i < more.length; i += 2) map.put((String) more[i], more[i + 1]);
        return map;
    }

    static Map<String, Object> indicator() {
        Map<String, Object> map = sdo("indicator", INDICATOR.substring("indicator--".length()),
                "name", "C2 address", "pattern", "[ipv4-addr:value = '198.51.100.3']", "pattern_type", "stix",
                "valid_from", "2016-04-06T20:03:48Z");
        map.put("id", INDICATOR);
        return map;
    }

    static Map<String, Object> relationship() {
        return sdo("relationship", "44298a74-ba52-4f0c-87a3-1824e67d7fad",
                "relationship_type", "indicates", "source_ref", INDICATOR, "target_ref", MALWARE);
    }

    static Map<String, Object> sco(String type, Object... properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("spec_version", "2.1");
        for (int i = 0; i < properties.length; i += 2) map.put((String) properties[i], properties[i + 1]);
        map.put("id", "placeholder");
        String id = ScoIds.deterministicId(StixObject.of(map)).orElse(type + "--" + java.util.UUID.randomUUID());
        map.put("id", id);
        return map;
    }

    /** A copy of {@code base} with properties set (or removed, for {@link #ABSENT}). */
    static StixObject with(Map<String, Object> base, Object... namesAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == ABSENT) copy.remove((String) namesAndValues[i]);
            else copy.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return StixObject.of(copy);
    }

    static StixObject object(Map<String, Object> tree) {
        return StixObject.of(tree);
    }

    static List<Violation> violations(StixObject object) {
        return StixValidator.stix21().validate(object);
    }

    static List<Violation> errors(StixObject object) {
        return violations(object).stream().filter(Violation::isError).toList();
    }

    static List<Violation> warnings(StixObject object) {
        return violations(object).stream().filter(v -> !v.isError()).toList();
    }

    /** Asserts the object breaks a MUST on {@code property} whose rule mentions {@code ruleText}; names the object. */
    static void assertRejected(StixObject object, String property, String ruleText) {
        assertThat(errors(object))
                .as("errors of %s", object.properties())
                .anySatisfy(v -> {
                    assertThat(v.objectId()).isEqualTo(object.id());
                    assertThat(v.property()).isEqualTo(property);
                    assertThat(v.rule()).containsIgnoringCase(ruleText);
                });
    }

    static void assertValid(StixObject object) {
        assertThat(errors(object)).as("errors of %s", object.properties()).isEmpty();
    }

    /** An integer in the type the codec reads it as: Integer, Long or BigInteger by size. */
    static Number integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    static Number integer(BigInteger value) {
        if (value.bitLength() < 32) return value.intValue();
        if (value.bitLength() < 64) return value.longValue();
        return value;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }
}
