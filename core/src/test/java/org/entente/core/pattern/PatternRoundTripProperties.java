package org.entente.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.ComparisonOperator;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.Qualifier;
import org.entente.core.pattern.ast.SetLiteral;

@Label("Printing a pattern tree and parsing the text gives the same tree")
class PatternRoundTripProperties {

    @Property(tries = 500)
    @Label("any valid tree survives printing and reparsing")
    void printedTreesParseBackEqual(@ForAll("observations") ObservationExpression tree) {
        String text = Pattern.of(tree).canonicalText();
        assertThat(Pattern.parse(text).expression()).as(text).isEqualTo(tree);
    }

    @Provide
    Arbitrary<ObservationExpression> observations() {
        return observation(3);
    }

    private Arbitrary<ObservationExpression> observation(int depth) {
        Arbitrary<ObservationExpression> single = comparison(2).map(ObservationExpression.Single::new);
        if (depth == 0) return single;
        Arbitrary<ObservationExpression> sub = Arbitraries.lazy(() -> observation(depth - 1));
        return Arbitraries.oneOf(single,
                Combinators.combine(sub, sub).as(ObservationExpression.And::new),
                Combinators.combine(sub, sub).as(ObservationExpression.Or::new),
                Combinators.combine(sub, sub).as(ObservationExpression.FollowedBy::new),
                Combinators.combine(sub, qualifier()).as(ObservationExpression.Qualified::new));
    }

    private Arbitrary<Qualifier> qualifier() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100000")).ofScale(3)
                        .map(Qualifier.Within::new),
                Arbitraries.integers().between(1, 50).map(Qualifier.Repeats::new),
                Combinators.combine(timestamps(), timestamps()).as(Qualifier.StartStop::new));
    }

    private Arbitrary<ComparisonExpression> comparison(int depth) {
        Arbitrary<ComparisonExpression> leaf = Arbitraries.oneOf(test(), paths().map(ComparisonExpression.Exists::new));
        if (depth == 0) return leaf;
        Arbitrary<ComparisonExpression> sub = Arbitraries.lazy(() -> comparison(depth - 1));
        return Arbitraries.oneOf(leaf,
                Combinators.combine(sub, sub).as(ComparisonExpression.And::new),
                Combinators.combine(sub, sub).as(ComparisonExpression.Or::new));
    }

    private Arbitrary<ComparisonExpression> test() {
        Arbitrary<Boolean> negated = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                Combinators.combine(paths(), negated, Arbitraries.of(ComparisonOperator.EQUAL, ComparisonOperator.NOT_EQUAL), literal())
                        .as(ComparisonExpression.Comparison::new),
                Combinators.combine(paths(), negated, Arbitraries.of(ComparisonOperator.LESS, ComparisonOperator.LESS_OR_EQUAL,
                                ComparisonOperator.GREATER, ComparisonOperator.GREATER_OR_EQUAL), orderable())
                        .as(ComparisonExpression.Comparison::new),
                Combinators.combine(paths(), negated, sets())
                        .as((p, n, s) -> new ComparisonExpression.Comparison(p, n, ComparisonOperator.IN, s)),
                Combinators.combine(paths(), negated, strings().map(Literal.StringLiteral::new))
                        .as((p, n, s) -> new ComparisonExpression.Comparison(p, n, ComparisonOperator.LIKE, s)),
                Combinators.combine(paths(), negated, Arbitraries.strings().alpha().ofMaxLength(8).map(Literal.StringLiteral::new))
                        .as((p, n, s) -> new ComparisonExpression.Comparison(p, n, ComparisonOperator.MATCHES, s)),
                Combinators.combine(paths(), negated, networks(), Arbitraries.of(ComparisonOperator.IS_SUBSET, ComparisonOperator.IS_SUPERSET))
                        .as((p, n, s, op) -> new ComparisonExpression.Comparison(p, n, op, s)));
    }

    private Arbitrary<SetLiteral> sets() {
        return Arbitraries.oneOf(
                strings().map(Literal.StringLiteral::new).list().ofMaxSize(4).map(l -> new SetLiteral(List.copyOf(l))),
                numbers().list().ofMaxSize(4).map(l -> new SetLiteral(List.copyOf(l))),
                timestamps().list().ofMaxSize(3).map(l -> new SetLiteral(List.copyOf(l))));
    }

    private Arbitrary<Literal.StringLiteral> networks() {
        return Combinators.combine(Arbitraries.integers().between(0, 255).list().ofSize(4), Arbitraries.integers().between(0, 32))
                .as((octets, prefix) -> new Literal.StringLiteral(
                        octets.get(0) + "." + octets.get(1) + "." + octets.get(2) + "." + octets.get(3) + "/" + prefix));
    }

    private Arbitrary<Literal> literal() {
        return Arbitraries.oneOf(orderable(), Arbitraries.of(true, false).map(Literal.BooleanLiteral::new));
    }

    private Arbitrary<Literal> orderable() {
        return Arbitraries.oneOf(
                strings().map(Literal.StringLiteral::new),
                numbers(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Literal.BinaryLiteral::hex),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> new Literal.BinaryLiteral(
                        Base64.getEncoder().encodeToString(b), Literal.BinaryLiteral.Encoding.BASE64)),
                timestamps());
    }

    private Arbitrary<Literal> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L), BigInteger.valueOf(1_000_000_000_000L))
                        .map(Literal.IntegerLiteral::new),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(4)
                        .map(Literal.FloatLiteral::new));
    }

    private Arbitrary<Literal.TimestampLiteral> timestamps() {
        return Combinators.combine(
                        Arbitraries.integers().between(1970, 2100), Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 86_399),
                        Arbitraries.strings().numeric().ofMaxLength(9))
                .as((y, m, d, s, fraction) -> new Literal.TimestampLiteral(String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                        y, m, d, s / 3600, s / 60 % 60, s % 60, fraction.isEmpty() ? "" : "." + fraction)));
    }

    /** Any text, including quotes, backslashes and characters outside ASCII. */
    private Arbitrary<String> strings() {
        return Arbitraries.strings().ofMaxLength(10);
    }

    private Arbitrary<ObjectPath> paths() {
        Arbitrary<String> type = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3)
                .flatMap(head -> Arbitraries.strings().withCharRange('a', 'z').withChars('-', '0', '9').ofMaxLength(8)
                        .map(tail -> head + tail))
                .filter(t -> !t.equals("true") && !t.equals("false"));
        Arbitrary<PathStep> property = Arbitraries.oneOf(
                        Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(8),
                        strings())
                .filter(name -> !name.equals("hashes"))
                .map(PathStep.Property::new);
        Arbitrary<PathStep> step = Arbitraries.oneOf(property,
                Arbitraries.integers().between(0, 100).map(PathStep.Index::new),
                Arbitraries.just(new PathStep.AnyIndex()));
        return Combinators.combine(type, property, step.list().ofMaxSize(3))
                .as((t, first, rest) -> {
                    List<PathStep> steps = new java.util.ArrayList<>();
                    steps.add(first);
                    steps.addAll(rest);
                    return new ObjectPath(t, steps);
                });
    }
}
