package org.entente.core.pattern;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.Qualifier;
import org.entente.core.stix.StixObject;

/**
 * Searches for sets of observations that satisfy an observation expression (STIX 2.1 sections 9.5 and 9.6).
 * Each observation carries an interval [first_observed, last_observed]; a constraint holds when moments can be
 * chosen inside the intervals that satisfy it:
 * <ul>
 * <li>AND: both sides, on different observations; OR: either side.</li>
 * <li>FOLLOWEDBY: as AND, and no observation on the right ends before every observation on the left has begun
 *     (latest first_observed on the left ≤ earliest last_observed on the right).</li>
 * <li>WITHIN d SECONDS: latest first_observed − earliest last_observed ≤ d.</li>
 * <li>START s STOP e: each observation overlaps [s, e): first_observed &lt; e and last_observed ≥ s.</li>
 * <li>REPEATS n TIMES: n satisfying sets on different observations.</li>
 * </ul>
 * Bindings are produced lazily, so a match is usually found long before all combinations are listed; only a
 * non-match needs the full search. Work is bounded: past {@link #WORK_LIMIT} steps evaluation fails instead of
 * hanging on a pattern whose combinations explode.
 */
final class BindingSearch {
    static final long WORK_LIMIT = 50_000_000L;

    private final List<Observation> observations;
    private final ComparisonEvaluator comparisons = new ComparisonEvaluator();
    private long work;

    BindingSearch(List<Observation> observations) {
        this.observations = observations;
    }

    /** The distinct bindings of the expression, produced on demand. */
    BindingSequence bindings(ObservationExpression expression) {
        return new BindingSequence(source(expression));
    }

    private BindingSource source(ObservationExpression expression) {
        return switch (expression) {
            case ObservationExpression.Single s -> single(s);
            case ObservationExpression.And a -> join(bindings(a.left()), bindings(a.right()), false);
            case ObservationExpression.FollowedBy f -> join(bindings(f.left()), bindings(f.right()), true);
            case ObservationExpression.Or o -> interleave(source(o.left()), source(o.right()));
            case ObservationExpression.Qualified q -> qualified(q.expression(), q.qualifier());
        };
    }

    private BindingSource single(ObservationExpression.Single s) {
        int[] next = {0};
        return () -> {
            while (next[0] < observations.size()) {
                int i = next[0]++;
                Observation observation = observations.get(i);
                for (String rootId : observation.rootIds()) {
                    StixObject root = observation.objects().get(rootId);
                    spend();
                    if (root != null && comparisons.holds(s.comparison(), root, observation)) return Binding.of(i);
                }
            }
            return null;
        };
    }

    /** Alternates between the sides so that neither has to be exhausted before the other is tried. */
    private static BindingSource interleave(BindingSource left, BindingSource right) {
        BindingSource[] sides = {left, right};
        boolean[] done = new boolean[2];
        int[] turn = {0};
        return () -> {
            while (!done[0] || !done[1]) {
                int side = turn[0];
                turn[0] = 1 - side;
                if (done[side]) continue;
                Binding b = sides[side].next();
                if (b != null) return b;
                done[side] = true;
            }
            return null;
        };
    }

    private BindingSource join(BindingSequence left, BindingSequence right, boolean ordered) {
        int[] at = {0, 0};
        return () -> {
            while (true) {
                Binding l = left.get(at[0]);
                if (l == null) return null;
                Binding r = right.get(at[1]);
                if (r == null) {
                    at[0]++;
                    at[1] = 0;
                    continue;
                }
                at[1]++;
                spend();
                if (ordered && l.latestFirst(observations).isAfter(r.earliestLast(observations))) continue;
                Binding both = l.plus(r, observations);
                if (both != null) return both;
            }
        };
    }

    private BindingSource qualified(ObservationExpression inner, Qualifier qualifier) {
        return switch (qualifier) {
            case Qualifier.Within w -> {
                Duration window = seconds(w.seconds());
                yield filter(source(inner),
                        b -> !b.latestFirst(observations).isAfter(b.earliestLast(observations).plus(window)));
            }
            case Qualifier.StartStop s -> {
                Instant start = ValueComparison.literalInstant(s.start());
                Instant stop = ValueComparison.literalInstant(s.stop());
                // An empty or reversed interval holds no moment, so nothing can fall inside it.
                if (!start.isBefore(stop)) yield () -> null;
                yield filter(source(inner), b -> b.latestFirst(observations).isBefore(stop)
                        && !b.earliestLast(observations).isBefore(start));
            }
            case Qualifier.Repeats r -> r.times() == 1 ? source(inner) : repeated(bindings(inner), r.times());
        };
    }

    private BindingSource filter(BindingSource source, Predicate<Binding> keep) {
        return () -> {
            for (Binding b = source.next(); b != null; b = source.next()) {
                spend();
                if (keep.test(b)) return b;
            }
            return null;
        };
    }

    /**
     * Unions of {@code times} candidate bindings, enumerated depth first with candidate indexes in non-decreasing
     * order (a candidate may recur when its observations were seen often enough); a partial union that already
     * over-uses an observation is abandoned at once.
     */
    private BindingSource repeated(BindingSequence candidates, int times) {
        int[] index = new int[times];
        Binding[] partial = new Binding[times + 1];
        int[] depth = {0};
        index[0] = -1;
        return () -> {
            while (depth[0] >= 0) {
                int d = depth[0];
                index[d]++;
                Binding candidate = candidates.get(index[d]);
                if (candidate == null) {
                    depth[0]--;
                    continue;
                }
                spend();
                Binding union = d == 0 ? candidate : partial[d].plus(candidate, observations);
                if (union == null) continue;
                if (d == times - 1) return union;
                partial[d + 1] = union;
                depth[0] = d + 1;
                index[d + 1] = index[d] - 1;
            }
            return null;
        };
    }

    private static Duration seconds(BigDecimal seconds) {
        BigDecimal nanos = seconds.movePointRight(9).setScale(0, RoundingMode.CEILING);
        // Windows longer than a Duration holds are, for any real data, unbounded.
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) return Duration.ofSeconds(Long.MAX_VALUE / 4);
        return Duration.ofNanos(nanos.longValueExact());
    }

    private void spend() {
        if (++work > WORK_LIMIT) {
            throw new PatternEvaluationException("pattern needs more than " + WORK_LIMIT
                    + " steps over these " + observations.size() + " observations; refusing to continue");
        }
    }
}
