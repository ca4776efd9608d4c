package org.entente.core.pattern;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.Operand;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.Qualifier;
import org.entente.core.pattern.ast.SetLiteral;

/**
 * Writes a pattern tree as pattern text that parses back to the same tree, in either grammar edition. Nested
 * binary expressions are always parenthesised, so the text never depends on precedence rules; a qualified
 * expression that is not a plain bracket is parenthesised, which also keeps stacked qualifiers legal in 2.1.
 */
final class PatternPrinter {
    private PatternPrinter() {}

    static String print(ObservationExpression e) {
        return switch (e) {
            case ObservationExpression.Single s -> "[" + print(s.comparison()) + "]";
            case ObservationExpression.And a -> operand(a.left()) + " AND " + operand(a.right());
            case ObservationExpression.Or o -> operand(o.left()) + " OR " + operand(o.right());
            case ObservationExpression.FollowedBy f -> operand(f.left()) + " FOLLOWEDBY " + operand(f.right());
            case ObservationExpression.Qualified q -> (q.expression() instanceof ObservationExpression.Single
                    ? print(q.expression()) : "(" + print(q.expression()) + ")") + " " + print(q.qualifier());
        };
    }

    private static String operand(ObservationExpression e) {
        boolean binary = e instanceof ObservationExpression.And || e instanceof ObservationExpression.Or
                || e instanceof ObservationExpression.FollowedBy;
        return binary ? "(" + print(e) + ")" : print(e);
    }

    static String print(Qualifier q) {
        return switch (q) {
            case Qualifier.Within w -> "WITHIN " + number(w.seconds()) + " SECONDS";
            case Qualifier.Repeats r -> "REPEATS " + r.times() + " TIMES";
            case Qualifier.StartStop s -> "START " + print(s.start()) + " STOP " + print(s.stop());
        };
    }

    static String print(ComparisonExpression e) {
        return switch (e) {
            case ComparisonExpression.And a -> operand(a.left()) + " AND " + operand(a.right());
            case ComparisonExpression.Or o -> operand(o.left()) + " OR " + operand(o.right());
            case ComparisonExpression.Exists x -> "EXISTS " + print(x.path());
            case ComparisonExpression.Comparison c -> print(c.path()) + (c.negated() ? " NOT " : " ")
                    + c.operator().symbol() + " " + print(c.operand());
        };
    }

    private static String operand(ComparisonExpression e) {
        boolean binary = e instanceof ComparisonExpression.And || e instanceof ComparisonExpression.Or;
        return binary ? "(" + print(e) + ")" : print(e);
    }

    static String print(ObjectPath path) {
        StringBuilder out = new StringBuilder(path.objectType()).append(':');
        boolean first = true;
        for (PathStep step : path.steps()) {
            switch (step) {
                case PathStep.Property p -> {
                    if (!first) out.append('.');
                    out.append(Keywords.needsQuoting(p.name()) ? quote(p.name()) : p.name());
                }
                case PathStep.Index i -> out.append('[').append(i.index()).append(']');
                case PathStep.AnyIndex any -> out.append("[*]");
            }
            first = false;
        }
        return out.toString();
    }

    static String print(Operand operand) {
        return switch (operand) {
            case SetLiteral s -> s.elements().stream().map(PatternPrinter::print).collect(Collectors.joining(", ", "(", ")"));
            case Literal.StringLiteral s -> quote(s.value());
            case Literal.IntegerLiteral i -> i.value().toString();
            case Literal.FloatLiteral f -> floating(f.value());
            case Literal.BooleanLiteral b -> Boolean.toString(b.value());
            case Literal.BinaryLiteral b -> (b.encoding() == Literal.BinaryLiteral.Encoding.HEX ? "h'" : "b'") + b.text() + "'";
            case Literal.TimestampLiteral t -> "t'" + t.text() + "'";
        };
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A float always shows a decimal point: that is what makes it a float literal. */
    private static String floating(BigDecimal value) {
        String plain = value.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** WITHIN accepts integers and floats; whole numbers print as integers. */
    private static String number(BigDecimal value) {
        return value.toPlainString();
    }
}
