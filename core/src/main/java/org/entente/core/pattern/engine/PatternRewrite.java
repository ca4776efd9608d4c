package org.entente.core.pattern.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.observable.ObservableKind;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.ComparisonOperator;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.SetLiteral;

/**
 * Rewrites a pattern into the form the engine evaluates, so that equality means "the same observable"
 * ({@link ObservablePaths}) on both the index and the full matcher:
 * <ul>
 * <li>{@code =}, {@code !=} and {@code IN} on an observable path compare with the canonical text of the
 *     string constant;</li>
 * <li>on {@code ipv4-addr:value} and {@code ipv6-addr:value}, {@code = 'block'} becomes {@code ISSUBSET 'block'}
 *     ({@code !=} becomes {@code NOT ISSUBSET}, {@code IN} an OR of ISSUBSET, {@code NOT IN} an AND of NOT
 *     ISSUBSET): an indicator for {@code 10.0.0.0/8} matches every address in it, and a bare address is the
 *     block of itself, so {@code = '10.0.0.1'} still means that one address. The SCO's value property holds
 *     one address or block (STIX 2.1 sections 6.4 and 6.5), so the set forms are exact rewrites;</li>
 * <li>{@code file:hashes.'sha256'} and other spellings of a known algorithm become its STIX name
 *     ({@code SHA-256}), as {@link ObservationNormaliser} renames the keys of observed {@code hashes}.</li>
 * </ul>
 * Other comparisons are left as written.
 */
final class PatternRewrite {
    private final ObservablePaths paths;

    PatternRewrite(ObservablePaths paths) {
        this.paths = paths;
    }

    ObservationExpression rewrite(ObservationExpression e) {
        return switch (e) {
            case ObservationExpression.Single s -> new ObservationExpression.Single(rewrite(s.comparison()));
            case ObservationExpression.And a -> new ObservationExpression.And(rewrite(a.left()), rewrite(a.right()));
            case ObservationExpression.Or o -> new ObservationExpression.Or(rewrite(o.left()), rewrite(o.right()));
            case ObservationExpression.FollowedBy f ->
                    new ObservationExpression.FollowedBy(rewrite(f.left()), rewrite(f.right()));
            case ObservationExpression.Qualified q -> new ObservationExpression.Qualified(rewrite(q.expression()), q.qualifier());
        };
    }

    ComparisonExpression rewrite(ComparisonExpression e) {
        return switch (e) {
            case ComparisonExpression.And a -> new ComparisonExpression.And(rewrite(a.left()), rewrite(a.right()));
            case ComparisonExpression.Or o -> new ComparisonExpression.Or(rewrite(o.left()), rewrite(o.right()));
            case ComparisonExpression.Exists x -> new ComparisonExpression.Exists(canonicalPath(x.path()));
            case ComparisonExpression.Comparison c -> comparison(c);
        };
    }

    private ComparisonExpression comparison(ComparisonExpression.Comparison c) {
        ObjectPath path = canonicalPath(c.path());
        Optional<ObservableKind> kind = ObservablePaths.kindAt(path);
        ComparisonOperator op = c.operator();
        boolean equality = op == ComparisonOperator.EQUAL || op == ComparisonOperator.NOT_EQUAL || op == ComparisonOperator.IN;
        if (kind.isEmpty() || !equality) return new ComparisonExpression.Comparison(path, c.negated(), op, c.operand());
        if (ObservablePaths.isNetwork(kind.get())) return network(path, c, kind.get());
        if (op == ComparisonOperator.IN) {
            List<Literal> elements = new ArrayList<>();
            for (Literal l : ((SetLiteral) c.operand()).elements()) elements.add(canonical(kind.get(), l));
            return new ComparisonExpression.Comparison(path, c.negated(), op, new SetLiteral(elements));
        }
        return new ComparisonExpression.Comparison(path, c.negated(), op, canonical(kind.get(), (Literal) c.operand()));
    }

    private ComparisonExpression network(ObjectPath path, ComparisonExpression.Comparison c, ObservableKind kind) {
        // "x != v" is "NOT (x = v)" for a single-valued property; NOT flips it once more.
        boolean negated = c.negated() != (c.operator() == ComparisonOperator.NOT_EQUAL);
        List<Literal> values = c.operator() == ComparisonOperator.IN
                ? ((SetLiteral) c.operand()).elements() : List.of((Literal) c.operand());
        List<ComparisonExpression> parts = new ArrayList<>();
        for (Literal value : values) {
            String block = value instanceof Literal.StringLiteral s ? blockText(kind, s.value()) : null;
            parts.add(block == null
                    ? new ComparisonExpression.Comparison(path, negated, ComparisonOperator.EQUAL, value)
                    : new ComparisonExpression.Comparison(path, negated, ComparisonOperator.IS_SUBSET,
                            new Literal.StringLiteral(block)));
        }
        if (parts.isEmpty()) return new ComparisonExpression.Comparison(path, c.negated(), c.operator(), c.operand());
        ComparisonExpression joined = parts.getFirst();
        for (int i = 1; i < parts.size(); i++) {
            joined = negated ? new ComparisonExpression.And(joined, parts.get(i)) : new ComparisonExpression.Or(joined, parts.get(i));
        }
        return joined;
    }

    private String blockText(ObservableKind kind, String raw) {
        return paths.network(kind, raw) == null ? null : paths.canonical(kind, raw);
    }

    private Literal canonical(ObservableKind kind, Literal literal) {
        return literal instanceof Literal.StringLiteral s ? new Literal.StringLiteral(paths.canonical(kind, s.value())) : literal;
    }

    static ObjectPath canonicalPath(ObjectPath path) {
        List<PathStep> steps = path.steps();
        if (!path.objectType().equals("file") || steps.size() != 2
                || !(steps.get(0) instanceof PathStep.Property h && h.name().equals("hashes"))
                || !(steps.get(1) instanceof PathStep.Property algorithm)) {
            return path;
        }
        String name = ObservablePaths.hashName(algorithm.name());
        return name.equals(algorithm.name()) ? path : new ObjectPath("file", List.of(steps.get(0), new PathStep.Property(name)));
    }
}
