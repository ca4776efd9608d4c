package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.entente.core.testing.Conformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Deterministic SCO ids against {@code stix-deterministic-ids.json} (ids produced by the OASIS reference,
 * cti-python-stix2). Cases about the reference's internal JSON-unescaping helper have no counterpart here.
 * Custom SCO types (x-det-id-observable-*, some-sco) have contributing properties defined by their test, so
 * they are checked through {@link ScoIds#idFor} with the contributing object the case names.
 */
class DeterministicIdsConformanceTest {
    private static final String FILE = "stix-deterministic-ids.json";

    @TestFactory
    Stream<DynamicTest> expectedIdsAreComputedForSpecificationTypes() {
        return cases("expected_id", "reference_id")
                .filter(c -> StixTypes.categoryOf((String) c.get("type")) == StixCategory.SCO)
                .map(c -> dynamicTest(name(c), () -> {
                    StixObject object = StixObject.of(properties(c, "properties"));
                    assertThat(ScoIds.deterministicId(object)).contains((String) c.get("expected_id"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> canonicalJsonAndUuid5MatchTheReference() {
        return cases("canonical_uuid5").map(c -> dynamicTest(name(c), () -> {
            Map<String, Object> contributing = properties(c, "contributing_object");
            assertThat(ScoIds.canonicalText(contributing)).isEqualTo(c.get("canonical_json"));
            assertThat(ScoIds.idFor((String) c.get("type"), contributing)).isEqualTo(c.get("expected_id"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> pairsShareOrDifferInIdAsRequired() {
        return cases("pair").map(c -> dynamicTest(name(c), () -> {
            Optional<String> a = ScoIds.deterministicId(StixObject.of(properties(c, "properties_a")));
            Optional<String> b = ScoIds.deterministicId(StixObject.of(properties(c, "properties_b")));
            if (((Number) c.get("expected_uuid_version")).intValue() == 4) {
                // No contributing property: the id is a random UUIDv4, so there is no deterministic one.
                assertThat(a).isEmpty();
                assertThat(b).isEmpty();
                return;
            }
            assertThat(a).contains((String) c.get("reference_id_a"));
            assertThat(b).contains((String) c.get("reference_id_b"));
            if (c.get("rule").equals("ids equal")) {
                assertThat(a).isEqualTo(b);
            } else {
                assertThat(a).isNotEqualTo(b);
            }
            assertThat(UUID.fromString(a.orElseThrow().substring(a.get().indexOf("--") + 2)).version()).isEqualTo(5);
        }));
    }

    @TestFactory
    Stream<DynamicTest> emptyHashesAreRejected() {
        return cases("reject").map(c -> dynamicTest(name(c), () -> {
            Map<String, Object> properties = new java.util.LinkedHashMap<>(properties(c, "properties"));
            properties.put("type", c.get("type"));
            properties.put("id", c.get("type") + "--" + UUID.randomUUID());
            assertThat(StixValidator.stix21().validate(StixObject.of(properties)))
                    .anyMatch(v -> v.isError() && v.property().equals("hashes"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> typesWithoutContributingPropertiesHaveNoDeterministicId() {
        return cases("uuid_version").map(c -> dynamicTest(name(c), () -> {
            assumeTrue(((Number) c.get("expected_uuid_version")).intValue() == 4);
            Map<String, Object> properties = new java.util.LinkedHashMap<>(properties(c, "properties"));
            properties.put("type", c.get("type"));
            assertThat(ScoIds.deterministicId(StixObject.of(properties))).isEmpty();
        }));
    }

    private static Stream<Map<String, Object>> cases(String... kinds) {
        var wanted = java.util.Set.of(kinds);
        return Conformance.cases(FILE).stream().filter(c -> wanted.contains(c.get("kind")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> c, String key) {
        return (Map<String, Object>) c.get(key);
    }

    private static String name(Map<String, Object> c) {
        String name = String.valueOf(c.get("name"));
        // Some recorded names embed whole JSON documents; the first line is enough to find the case.
        int newline = name.indexOf("\\n");
        return c.get("kind") + " " + c.get("type") + ": " + (newline > 0 ? name.substring(0, newline) : name);
    }
}
