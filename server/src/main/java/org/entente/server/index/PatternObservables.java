package org.entente.server.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.observable.Observable;
import org.entente.core.pattern.Pattern;
import org.entente.core.pattern.PatternSyntaxException;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.ComparisonOperator;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.SetLiteral;
import org.entente.core.stix.StixObject;

/**
 * The observables an indicator's STIX pattern names by equality: {@code [domain-name:value = 'x']},
 * {@code [file:hashes.'SHA-256' = '…']} and each string of {@code IN ('a', 'b')}, wherever they stand in
 * the pattern, since each is a value the indicator is about. Negated comparisons, ranges, LIKE and
 * MATCHES name no single value and are left out; so are values that do not normalise.
 */
final class PatternObservables {
    private PatternObservables() {}

    static List<Observable> of(String patternText) {
        Pattern pattern;
        try {
            pattern = Pattern.parse(patternText);
        } catch (PatternSyntaxException e) {
            return List.of();
        }
        List<Observable> found = new ArrayList<>();
        observation(pattern.expression(), found);
        return List.copyOf(found);
    }

    private static void observation(ObservationExpression e, List<Observable> found) {
        switch (e) {
            case ObservationExpression.Single s -> comparison(s.comparison(), found);
            case ObservationExpression.And a -> { observation(a.left(), found); observation(a.right(), found); }
            case ObservationExpression.Or o -> { observation(o.left(), found); observation(o.right(), found); }
            case ObservationExpression.FollowedBy f -> { observation(f.left(), found); observation(f.right(), found); }
            case ObservationExpression.Qualified q -> observation(q.expression(), found);
        }
    }

    private static void comparison(ComparisonExpression e, List<Observable> found) {
        switch (e) {
            case ComparisonExpression.And a -> { comparison(a.left(), found); comparison(a.right(), found); }
            case ComparisonExpression.Or o -> { comparison(o.left(), found); comparison(o.right(), found); }
            case ComparisonExpression.Exists x -> { }
            case ComparisonExpression.Comparison c -> {
                if (c.negated()) return;
                if (c.operator() == ComparisonOperator.EQUAL && c.operand() instanceof Literal.StringLiteral s) {
                    value(c, s.value(), found);
                } else if (c.operator() == ComparisonOperator.IN && c.operand() instanceof SetLiteral set) {
                    for (Literal l : set.elements()) {
                        if (l instanceof Literal.StringLiteral s) value(c, s.value(), found);
                    }
                }
            }
        }
    }

    /** Normalises the value as the property of a one-property SCO would be: the same rules, the same key. */
    private static void value(ComparisonExpression.Comparison c, String value, List<Observable> found) {
        List<PathStep> steps = c.path().steps();
        Map<String, Object> sco = new LinkedHashMap<>();
        sco.put("type", c.path().objectType());
        if (steps.size() == 1 && steps.get(0) instanceof PathStep.Property p) {
            sco.put(p.name(), value);
        } else if (steps.size() == 2 && steps.get(0) instanceof PathStep.Property p && p.name().equals("hashes")
                && steps.get(1) instanceof PathStep.Property algorithm) {
            sco.put("hashes", Map.of(algorithm.name(), value));
        } else {
            return;
        }
        found.addAll(ScoObservables.of(StixObject.of(sco)));
    }
}
