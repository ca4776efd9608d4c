package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.testing.Conformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The example documents of the specification repository (oasis-open/cti-stix2-json-schemas, via
 * {@code stix-examples.json}): each round-trips unchanged and every object validates without errors, except
 * the known deviations listed here with the section that decides them.
 */
class StixExamplesConformanceTest {
    private static final String FILE = "stix-examples.json";

    /** "example path | object id | property" → why the example breaks a MUST, with the deciding section. */
    private static final Map<String, String> KNOWN_DEVIATIONS = Map.of();

    @TestFactory
    Stream<DynamicTest> everyExampleSurvivesAJsonRoundTripUnchanged() {
        return stixContent().map(example -> dynamicTest(path(example), () -> {
            Object document = example.get("document");
            Object once = StixJson.readTree(StixJson.write(document));
            Object twice = StixJson.readTree(StixJson.write(once));
            assertThat(once).isEqualTo(document);
            assertThat(twice).isEqualTo(once);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleObjectValidatesWithoutErrors() {
        return stixContent().map(example -> dynamicTest(path(example), () -> {
            List<String> unexpected = objectsOf(example).stream()
                    .flatMap(object -> StixValidator.stix21().validate(object).stream())
                    .filter(Violation::isError)
                    .filter(v -> !KNOWN_DEVIATIONS.containsKey(path(example) + " | " + v.objectId() + " | " + v.property()))
                    .map(Violation::message)
                    .toList();
            assertThat(unexpected).as("errors in %s", path(example)).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> knownDeviationsAreStillFound() {
        return KNOWN_DEVIATIONS.keySet().stream().map(key -> dynamicTest(key, () -> {
            String[] parts = key.split(" \\| ");
            Map<String, Object> example = stixContent().filter(e -> path(e).equals(parts[0])).findFirst().orElseThrow();
            assertThat(objectsOf(example).stream().flatMap(o -> StixValidator.stix21().validate(o).stream()))
                    .as("a deviation no longer found should be removed from the list")
                    .anyMatch(v -> v.isError() && v.objectId().equals(parts[1]) && v.property().equals(parts[2]));
        }));
    }

    @TestFactory
    Stream<DynamicTest> jsonSchemaEntriesAreNotTakenForStixContent() {
        return Stream.of(dynamicTest("interop schemas are marked json-schema", () -> {
            long schemas = Conformance.cases(FILE).stream()
                    .filter(c -> String.valueOf(c.get("role")).startsWith("json-schema")).count();
            assertThat(schemas).isEqualTo(20);
            assertThat(stixContent().count()).isEqualTo(8);
        }));
    }

    private static Stream<Map<String, Object>> stixContent() {
        return Conformance.cases(FILE).stream().filter(c -> String.valueOf(c.get("role")).startsWith("stix-content"));
    }

    @SuppressWarnings("unchecked")
    private static List<StixObject> objectsOf(Map<String, Object> example) {
        Map<String, Object> document = (Map<String, Object>) example.get("document");
        if (Boolean.TRUE.equals(example.get("is_bundle"))) {
            return ((List<Object>) document.get("objects")).stream().map(o -> StixObject.of((Map<String, Object>) o)).toList();
        }
        return List.of(StixObject.of(document));
    }

    private static String path(Map<String, Object> example) {
        return (String) example.get("path");
    }
}
