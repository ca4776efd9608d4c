package org.entente.core.pattern.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entente.core.observable.ObservableKind;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.ComparisonOperator;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.SetLiteral;

/**
 * How one (rewritten) pattern is indexed.
 *
 * <p>An <em>index term</em> is a comparison the index can answer by looking a value up: {@code path = constant}
 * and {@code path IN (constants…)} without NOT, with string or number constants, and {@code ISSUBSET 'block'}
 * on {@code ipv4-addr:value}/{@code ipv6-addr:value}; the path reaches its value through properties and list
 * indexes only (no {@code _ref}/{@code _refs}, whose targets live elsewhere, and no {@code _hex}/{@code _bin},
 * whose values are bytes).
 *
 * <p>{@code keys} is a set of terms one of which any match must hit (a disjunctive necessary condition): a term
 * is its own; AND (of comparisons or of observations, FOLLOWEDBY included) takes the smaller set of its sides;
 * OR takes the union of both sides, or none when a side has none; a qualifier keeps the set of what it
 * qualifies. {@code decided} is true when hitting any key is also sufficient: the pattern is only ORs of index
 * terms, at both levels, without qualifiers. {@code types} are the object types the pattern compares, one of
 * which some root object must have for it to match (every comparison first checks the root's type).
 *
 * <p>Without keys, {@code screens} may still name texts one of which the pattern needs in an observed value:
 * a non-negated LIKE or MATCHES on an indexable path whose operand has a literal ({@link RequiredText}),
 * combined across AND and OR as keys are. Null when there is none.
 */
record IndexPlan(List<Term> keys, boolean decided, Set<String> types, List<Screen> screens) {

    /** An indexed value: text (tag {@link KeyHash#STRING} or {@link KeyHash#NUMBER}) or an address block. */
    record Term(ObjectPath path, int tag, String text, Network network) {}

    /** An ASCII text that a string value at {@code path} of a root object must contain. */
    record Screen(ObjectPath path, String text) {}

    static IndexPlan of(ObservationExpression expression, ObservablePaths paths) {
        Set<String> types = new LinkedHashSet<>();
        types(expression, types);
        List<Term> keys = need(expression, paths);
        return new IndexPlan(keys, decided(expression, paths), Set.copyOf(types), keys == null ? screens(expression) : null);
    }

    private static List<Screen> screens(ObservationExpression e) {
        return switch (e) {
            case ObservationExpression.Single s -> screens(s.comparison());
            case ObservationExpression.And a -> smaller(screens(a.left()), screens(a.right()));
            case ObservationExpression.FollowedBy f -> smaller(screens(f.left()), screens(f.right()));
            case ObservationExpression.Or o -> union(screens(o.left()), screens(o.right()));
            case ObservationExpression.Qualified q -> screens(q.expression());
        };
    }

    private static List<Screen> screens(ComparisonExpression e) {
        return switch (e) {
            case ComparisonExpression.And a -> smaller(screens(a.left()), screens(a.right()));
            case ComparisonExpression.Or o -> union(screens(o.left()), screens(o.right()));
            case ComparisonExpression.Exists x -> null;
            case ComparisonExpression.Comparison c -> {
                if (c.negated() || !indexablePath(c.path()) || !(c.operand() instanceof Literal.StringLiteral s)) yield null;
                Optional<String> text = switch (c.operator()) {
                    case LIKE -> RequiredText.ofLike(s.value());
                    case MATCHES -> RequiredText.ofRegex(s.value());
                    default -> Optional.empty();
                };
                yield text.map(t -> List.of(new Screen(c.path(), t))).orElse(null);
            }
        };
    }

    private static List<Term> need(ObservationExpression e, ObservablePaths paths) {
        return switch (e) {
            case ObservationExpression.Single s -> need(s.comparison(), paths);
            case ObservationExpression.And a -> smaller(need(a.left(), paths), need(a.right(), paths));
            case ObservationExpression.FollowedBy f -> smaller(need(f.left(), paths), need(f.right(), paths));
            case ObservationExpression.Or o -> union(need(o.left(), paths), need(o.right(), paths));
            case ObservationExpression.Qualified q -> need(q.expression(), paths);
        };
    }

    private static List<Term> need(ComparisonExpression e, ObservablePaths paths) {
        return switch (e) {
            case ComparisonExpression.And a -> smaller(need(a.left(), paths), need(a.right(), paths));
            case ComparisonExpression.Or o -> union(need(o.left(), paths), need(o.right(), paths));
            case ComparisonExpression.Exists x -> null;
            case ComparisonExpression.Comparison c -> terms(c, paths);
        };
    }

    private static boolean decided(ObservationExpression e, ObservablePaths paths) {
        return switch (e) {
            case ObservationExpression.Single s -> decided(s.comparison(), paths);
            case ObservationExpression.Or o -> decided(o.left(), paths) && decided(o.right(), paths);
            default -> false;
        };
    }

    private static boolean decided(ComparisonExpression e, ObservablePaths paths) {
        return switch (e) {
            case ComparisonExpression.Or o -> decided(o.left(), paths) && decided(o.right(), paths);
            case ComparisonExpression.Comparison c -> terms(c, paths) != null;
            default -> false;
        };
    }

    /** The terms of one comparison, or null when the index cannot answer it. */
    private static List<Term> terms(ComparisonExpression.Comparison c, ObservablePaths paths) {
        if (c.negated() || !indexablePath(c.path())) return null;
        Optional<ObservableKind> kind = ObservablePaths.kindAt(c.path());
        return switch (c.operator()) {
            case EQUAL -> {
                Term t = term(c.path(), (Literal) c.operand());
                yield t == null ? null : List.of(t);
            }
            case IN -> {
                List<Term> terms = new ArrayList<>();
                for (Literal l : ((SetLiteral) c.operand()).elements()) {
                    Term t = term(c.path(), l);
                    if (t == null) yield null;
                    terms.add(t);
                }
                yield terms;
            }
            case IS_SUBSET -> {
                if (kind.isEmpty() || !ObservablePaths.isNetwork(kind.get())) yield null;
                Network block = paths.network(kind.get(), ((Literal.StringLiteral) c.operand()).value());
                yield block == null ? null : List.of(new Term(c.path(), KeyHash.NETWORK, null, block));
            }
            default -> null;
        };
    }

    private static Term term(ObjectPath path, Literal literal) {
        return switch (literal) {
            case Literal.StringLiteral s -> new Term(path, KeyHash.STRING, s.value(), null);
            case Literal.IntegerLiteral i -> new Term(path, KeyHash.NUMBER, number(new BigDecimal(i.value())), null);
            case Literal.FloatLiteral f -> new Term(path, KeyHash.NUMBER, number(f.value()), null);
            default -> null;
        };
    }

    /** One text per numeric value, as {@code ValueComparison} compares numbers: 1, 1.0 and 1E0 are equal. */
    static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static boolean indexablePath(ObjectPath path) {
        for (PathStep step : path.steps()) {
            if (step instanceof PathStep.Property p && (p.name().endsWith("_ref") || p.name().endsWith("_refs")
                    || p.name().endsWith("_hex") || p.name().endsWith("_bin"))) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> smaller(List<T> a, List<T> b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.size() < a.size() ? b : a;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        if (a == null || b == null) return null;
        List<T> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static void types(ObservationExpression e, Set<String> out) {
        switch (e) {
            case ObservationExpression.Single s -> types(s.comparison(), out);
            case ObservationExpression.And a -> { types(a.left(), out); types(a.right(), out); }
            case ObservationExpression.FollowedBy f -> { types(f.left(), out); types(f.right(), out); }
            case ObservationExpression.Or o -> { types(o.left(), out); types(o.right(), out); }
            case ObservationExpression.Qualified q -> types(q.expression(), out);
        }
    }

    private static void types(ComparisonExpression e, Set<String> out) {
        switch (e) {
            case ComparisonExpression.And a -> { types(a.left(), out); types(a.right(), out); }
            case ComparisonExpression.Or o -> { types(o.left(), out); types(o.right(), out); }
            case ComparisonExpression.Exists x -> out.add(x.path().objectType());
            case ComparisonExpression.Comparison c -> out.add(c.path().objectType());
        }
    }
}
