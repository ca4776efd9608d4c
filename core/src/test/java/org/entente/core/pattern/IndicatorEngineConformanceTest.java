package org.entente.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.core.pattern.engine.Indicator;
import org.entente.core.pattern.engine.IndicatorEngine;
import org.entente.core.pattern.engine.MatchOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The STIX 2.1 matcher conformance cases run through the compiled engine, each pattern as one indicator valid
 * since year 1 and the case's observations as one window. Outcomes are those of {@link PatternMatcherConformanceTest}
 * (its deviations included), with one allowance: where the reference fails on the observation data ("error",
 * kind matcher), the engine may instead answer no match, because its index can show without evaluating the
 * pattern that the pattern cannot match.
 */
@DisplayName("Indicator engine conformance")
class IndicatorEngineConformanceTest {
    private static final Instant ALWAYS = Instant.parse("0001-01-01T00:00:00Z");
    private static final String ID = "indicator--00000000-0000-4000-8000-000000000000";

    @SuppressWarnings("unchecked")
    @TestFactory
    @DisplayName("every STIX 2.1 matcher case gives the matcher's outcome through the engine")
    Stream<DynamicTest> stix21Cases() {
        Map<String, Object> document = ConformanceData.read("pattern-matcher-cases.json");
        Map<String, Object> sets = (Map<String, Object>) document.get("observation_sets");
        return ConformanceData.cases(document).stream()
                .filter(c -> PatternParsingConformanceTest.version(c) == PatternVersion.V2_1)
                .map(c -> DynamicTest.dynamicTest(c.get("id") + "", () -> {
                    var deviation = PatternMatcherConformanceTest.DEVIATIONS.get((String) c.get("id"));
                    Object expected = deviation != null ? deviation.ourOutcome() : c.get("expected");
                    Object actual = outcome((String) c.get("pattern"), (List<Object>) sets.get((String) c.get("observations")));
                    if ("error".equals(expected) && "matcher".equals(c.get("error_kind"))) {
                        assertThat(actual).as(c.get("pattern") + "").isIn("error", false);
                    } else {
                        assertThat(actual).as(c.get("pattern") + "").isEqualTo(expected);
                    }
                }));
    }

    private static Object outcome(String pattern, List<Object> observationSet) {
        IndicatorEngine engine = IndicatorEngine.create();
        try {
            engine.put(Indicator.of(ID, pattern, ALWAYS));
        } catch (IllegalArgumentException invalid) {
            return "error";
        }
        List<Observation> window;
        try {
            window = PatternMatcherConformanceTest.observations(observationSet);
        } catch (IllegalArgumentException | PatternEvaluationException badData) {
            return "error";
        }
        MatchOutcome outcome = engine.match(window);
        if (!outcome.failures().isEmpty()) return "error";
        return outcome.matched(ID);
    }
}
