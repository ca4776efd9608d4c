package org.entente.core.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Matches a {@link Pattern} against observations with the semantics of STIX 2.1 section 9: a pattern matches
 * when observations can be assigned to its observation expressions so that every comparison, observation
 * operator and qualifier holds. See {@link BindingSearch} for the timing rules.
 */
public final class PatternMatcher {
    private PatternMatcher() {}

    /**
     * True when the pattern matches. Throws {@link PatternEvaluationException} when the observations hold data
     * the pattern cannot be evaluated on.
     */
    public static boolean matches(Pattern pattern, List<Observation> observations) {
        return match(pattern, observations).matched();
    }

    /** Whether the pattern matches, and with which observations. */
    public static MatchResult match(Pattern pattern, List<Observation> observations) {
        Objects.requireNonNull(pattern, "pattern");
        List<Observation> given = List.copyOf(observations);
        Binding found = new BindingSearch(given).bindings(pattern.expression()).get(0);
        if (found == null) return MatchResult.noMatch();
        List<Observation> used = new ArrayList<>();
        int previous = -1;
        for (int index : found.members()) {
            if (index != previous) used.add(given.get(index));
            previous = index;
        }
        return new MatchResult(true, used);
    }
}
