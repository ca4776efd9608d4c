package org.entente.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.core.stix.StixObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases recorded from the reference matcher (oasis-open/cti-pattern-matcher): pattern + observations →
 * match, no match, or error. Each case is parsed with its own {@code stix_version}; observation sets are lists
 * of bundles (2.1 layout) or lists of observed-data objects with embedded objects (2.0 layout).
 *
 * <p>Where the specification decides differently from the reference, the case is listed in
 * {@link #DEVIATIONS} with the reason, and the test asserts our (specification) outcome instead.
 */
@DisplayName("Pattern matcher conformance")
class PatternMatcherConformanceTest {

    /** A case where we follow the specification (or its 2.1 validator), not the recorded outcome. */
    record Deviation(Object ourOutcome, String reason) {}

    private static final String DUPLICATE_QUALIFIER = "STIX 2.1 section 9.6 (qualifiers) as its reference validator"
            + " v2.1.2 reads it: one qualifier of each type directly on a bracketed observation expression (see"
            + " patterns-invalid.json v21 'REPEATS 2 TIMES REPEATS 3 TIMES'); these cases were recorded with the older"
            + " stix2-patterns 2.0.0 parser, which lacked that rule. Written as ([…] REPEATS 2 TIMES) REPEATS 2 TIMES"
            + " the pattern is accepted and matches as recorded.";

    static final Map<String, Deviation> DEVIATIONS = Map.of(
            "v21/test_complex/test_complex_match[[person:age < 20] REPEATS 2 TIMES REPEATS 2 TIMES]",
            new Deviation("error", DUPLICATE_QUALIFIER),
            "v21/test_complex/test_complex_nomatch[[person:age < 20] REPEATS 2 TIMES REPEATS 3 TIMES]",
            new Deviation("error", DUPLICATE_QUALIFIER));

    @TestFactory
    @DisplayName("every STIX 2.1 matcher case gives the recorded outcome or a listed deviation")
    Stream<DynamicTest> stix21Cases() {
        return cases("pattern-matcher-cases.json");
    }

    @TestFactory
    @DisplayName("every STIX 2.0 matcher case gives the recorded outcome or a listed deviation")
    Stream<DynamicTest> stix20Cases() {
        return cases("pattern-matcher-cases-v20.json");
    }

    @SuppressWarnings("unchecked")
    private static Stream<DynamicTest> cases(String file) {
        Map<String, Object> document = ConformanceData.read(file);
        Map<String, Object> sets = (Map<String, Object>) document.get("observation_sets");
        return ConformanceData.cases(document).stream().map(c -> DynamicTest.dynamicTest(
                c.get("id") + "", () -> {
                    Object expected = c.get("expected");
                    Deviation deviation = DEVIATIONS.get((String) c.get("id"));
                    Object actual = outcome((String) c.get("pattern"),
                            PatternParsingConformanceTest.version(c),
                            (List<Object>) sets.get((String) c.get("observations")));
                    if (deviation != null) {
                        assertThat(actual).as("deviation: " + deviation.reason()).isEqualTo(deviation.ourOutcome());
                        assertThat(actual).as("deviation listed but case agrees").isNotEqualTo(expected);
                    } else {
                        assertThat(actual).as(c.get("pattern") + "").isEqualTo(expected);
                    }
                }));
    }

    /** true, false, or "error" as the conformance files write it. */
    static Object outcome(String patternText, PatternVersion version, List<Object> observationSet) {
        try {
            Pattern pattern = Pattern.parse(patternText, version);
            return PatternMatcher.matches(pattern, observations(observationSet));
        } catch (PatternSyntaxException | PatternEvaluationException e) {
            return "error";
        }
    }

    @SuppressWarnings("unchecked")
    static List<Observation> observations(List<Object> set) {
        List<StixObject> objects = new ArrayList<>();
        for (Object o : set) objects.add(StixObject.of((Map<String, Object>) o));
        boolean bundles = !objects.isEmpty() && objects.getFirst().type().equals("bundle");
        return bundles ? Observations.fromBundles(objects) : Observations.fromObservedData(objects);
    }
}
