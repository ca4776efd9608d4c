package org.entente.core.pattern.engine;

import java.util.List;

/**
 * The indicators an observation (or window of observations) matched, each once, and the indicators whose
 * patterns could not be evaluated on it (the reasons {@link org.entente.core.pattern.PatternEvaluationException}
 * gives); one failing indicator never hides the matches of the others.
 */
public record MatchOutcome(List<String> indicatorIds, List<Failure> failures) {
    static final MatchOutcome NONE = new MatchOutcome(List.of(), List.of());

    public MatchOutcome {
        indicatorIds = indicatorIds instanceof OneIndicatorId ? indicatorIds : List.copyOf(indicatorIds);
        failures = List.copyOf(failures);
    }

    public static MatchOutcome none() {
        return NONE;
    }

    public boolean matched(String indicatorId) {
        return indicatorIds.contains(indicatorId);
    }

    /** An indicator the engine could not decide, and why. */
    public record Failure(String indicatorId, String reason) {}
}
