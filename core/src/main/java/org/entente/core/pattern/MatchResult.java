package org.entente.core.pattern;

import java.util.List;

/**
 * The outcome of matching: whether the pattern matched and, if so, the observations of one way it matched (in
 * the order they were given). Other ways may exist; one is enough to report a sighting.
 */
public record MatchResult(boolean matched, List<Observation> observations) {
    public MatchResult {
        observations = List.copyOf(observations);
    }

    static MatchResult noMatch() {
        return new MatchResult(false, List.of());
    }
}
