package org.entente.core.pattern;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.entente.core.pattern.ast.BinaryText;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.SetLiteral;
import org.entente.core.stix.StixObject;

/**
 * Decides a bracketed comparison expression for one root object of an observation. AND and OR combine results
 * for the same root object: {@code [file:name = 'a' AND file:size = 1]} needs one file with both (section 9.5).
 * A comparison holds when some value its path selects passes the test; NOT negates the test of each value, so a
 * missing property satisfies neither {@code =} nor {@code NOT =}.
 */
final class ComparisonEvaluator {
    /**
     * Compiled LIKE and MATCHES operands, shared by every evaluation: compiling costs far more than matching, and
     * the indicator engine evaluates the same patterns for observation after observation. Compiled patterns are
     * immutable and thread-safe; the caches are emptied when they reach {@link #CACHE_LIMIT} entries.
     */
    private static final Map<String, java.util.regex.Pattern> REGEXES = new ConcurrentHashMap<>();
    private static final Map<String, java.util.regex.Pattern> LIKES = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 100_000;

    boolean holds(ComparisonExpression expression, StixObject root, Observation observation) {
        return switch (expression) {
            case ComparisonExpression.And a -> holds(a.left(), root, observation) && holds(a.right(), root, observation);
            case ComparisonExpression.Or o -> holds(o.left(), root, observation) || holds(o.right(), root, observation);
            case ComparisonExpression.Exists x -> x.path().objectType().equals(root.type())
                    && PathSelector.select(x.path(), root, observation).stream().anyMatch(v -> v != null);
            case ComparisonExpression.Comparison c -> c.path().objectType().equals(root.type())
                    && anyPasses(c, PathSelector.select(c.path(), root, observation));
        };
    }

    private boolean anyPasses(ComparisonExpression.Comparison c, List<Object> values) {
        for (Object value : values) {
            if (test(c, value) != c.negated()) return true;
        }
        return false;
    }

    private boolean test(ComparisonExpression.Comparison c, Object value) {
        return switch (c.operator()) {
            case EQUAL -> ValueComparison.equal(value, (Literal) c.operand());
            case NOT_EQUAL -> !ValueComparison.equal(value, (Literal) c.operand());
            case LESS -> ValueComparison.order(value, (Literal) c.operand()).stream().anyMatch(r -> r < 0);
            case LESS_OR_EQUAL -> ValueComparison.order(value, (Literal) c.operand()).stream().anyMatch(r -> r <= 0);
            case GREATER -> ValueComparison.order(value, (Literal) c.operand()).stream().anyMatch(r -> r > 0);
            case GREATER_OR_EQUAL -> ValueComparison.order(value, (Literal) c.operand()).stream().anyMatch(r -> r >= 0);
            case IN -> ((SetLiteral) c.operand()).elements().stream().anyMatch(e -> ValueComparison.equal(value, e));
            case LIKE -> textTest(value, stringOperand(c),
                    cached(LIKES, stringOperand(c), LikeExpression::compile), false);
            case MATCHES -> textTest(value, stringOperand(c),
                    cached(REGEXES, stringOperand(c), RegexDialect::compile), true);
            case IS_SUBSET -> network(value)
                    .map(v -> IpNetwork.parse(stringOperand(c)).orElseThrow().contains(v)).orElse(false);
            case IS_SUPERSET -> network(value)
                    .map(v -> v.contains(IpNetwork.parse(stringOperand(c)).orElseThrow())).orElse(false);
        };
    }

    private static java.util.regex.Pattern cached(Map<String, java.util.regex.Pattern> cache, String operand,
            Function<String, java.util.regex.Pattern> compile) {
        java.util.regex.Pattern compiled = cache.get(operand);
        if (compiled != null) return compiled;
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        compiled = compile.apply(operand);
        cache.put(operand, compiled);
        return compiled;
    }

    private static String stringOperand(ComparisonExpression.Comparison c) {
        return ((Literal.StringLiteral) c.operand()).value();
    }

    /**
     * LIKE and MATCHES on text compare in Unicode normal form C; on binary data they run over the bytes as
     * characters U+0000..U+00FF, which only works when the operand itself has no code point above 255.
     */
    private static boolean textTest(Object value, String operand, java.util.regex.Pattern compiled, boolean find) {
        String subject;
        if (value instanceof String s) {
            subject = Normalizer.normalize(s, Normalizer.Form.NFC);
        } else if (value instanceof byte[] bytes && BinaryText.latin1Bytes(operand).isPresent()) {
            subject = BinaryText.latin1Text(bytes);
        } else {
            return false;
        }
        var matcher = compiled.matcher(subject);
        // MATCHES looks for the expression anywhere in the value, as PCRE does; LIKE covers the whole value.
        return find ? matcher.find() : matcher.matches();
    }

    private static Optional<IpNetwork> network(Object value) {
        return value instanceof String s ? IpNetwork.parse(s) : Optional.empty();
    }
}
