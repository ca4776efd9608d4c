package org.entente.core.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.ComparisonOperator;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.Operand;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.Qualifier;
import org.entente.core.pattern.ast.SetLiteral;

/**
 * Recursive-descent parser for STIX patterns, written from the grammar of STIX 2.1 section 9 (and 2.0 Part 5).
 * Precedence, loosest first (section 9.2, operator precedence table): FOLLOWEDBY, observation OR, observation
 * AND, qualifiers; inside brackets OR, then AND. All binary operators associate to the left.
 *
 * <pre>
 * pattern      := followedBy END
 * followedBy   := or (FOLLOWEDBY or)*
 * or           := and (OR and)*
 * and          := qualified (AND qualified)*
 * qualified    := ('[' cmpOr ']' | '(' followedBy ')') qualifier*
 * qualifier    := WITHIN number SECONDS | REPEATS int TIMES | START ts STOP ts
 * cmpOr        := cmpAnd (OR cmpAnd)*
 * cmpAnd       := test (AND test)*
 * test         := '(' cmpOr ')' | EXISTS path | path NOT? operator operand
 * path         := type ':' name ('.' name | '[' (int | '*') ']')*
 * </pre>
 */
final class PatternParser {
    private final Lexer lexer;
    private final PatternVersion version;
    private final OperandRules rules;
    private final int length;
    private Token current;

    private PatternParser(String text, PatternVersion version) {
        this.lexer = new Lexer(text);
        this.version = version;
        this.rules = new OperandRules();
        this.length = text.length();
        this.current = lexer.next();
    }

    static ObservationExpression parse(String text, PatternVersion version) {
        PatternParser parser = new PatternParser(text, version);
        if (!parser.current.is(TokenKind.LEFT_BRACKET) && !parser.current.is(TokenKind.LEFT_PAREN)) {
            throw new PatternSyntaxException(parser.current.position(),
                    "a pattern starts with '[' (an observation expression) or '('");
        }
        ObservationExpression expression = parser.followedBy();
        if (!parser.current.is(TokenKind.END)) {
            throw parser.unexpected("an observation operator (AND, OR, FOLLOWEDBY), a qualifier or the end");
        }
        return expression;
    }

    // ---- observation expressions

    private ObservationExpression followedBy() {
        ObservationExpression left = or();
        while (current.isKeyword("FOLLOWEDBY")) {
            advance();
            left = new ObservationExpression.FollowedBy(left, or());
        }
        return left;
    }

    private ObservationExpression or() {
        ObservationExpression left = and();
        while (current.isKeyword("OR")) {
            advance();
            left = new ObservationExpression.Or(left, and());
        }
        return left;
    }

    private ObservationExpression and() {
        ObservationExpression left = qualified();
        while (current.isKeyword("AND")) {
            advance();
            left = new ObservationExpression.And(left, qualified());
        }
        return left;
    }

    private ObservationExpression qualified() {
        ObservationExpression expression;
        boolean bracketed;
        if (current.is(TokenKind.LEFT_BRACKET)) {
            advance();
            expression = new ObservationExpression.Single(comparisonOr());
            expect(TokenKind.RIGHT_BRACKET, "']' or a comparison operator (AND, OR)");
            bracketed = true;
        } else if (current.is(TokenKind.LEFT_PAREN)) {
            advance();
            expression = followedBy();
            expect(TokenKind.RIGHT_PAREN, "')' or an observation operator");
            bracketed = false;
        } else {
            throw unexpected("'[' or '(' to start an observation expression");
        }
        Set<QualifierKind> seen = EnumSet.noneOf(QualifierKind.class);
        while (current.isKeyword("WITHIN") || current.isKeyword("REPEATS") || current.isKeyword("START")) {
            Token at = current;
            Qualifier qualifier = qualifier();
            QualifierKind kind = QualifierKind.of(qualifier);
            // STIX 2.1 (as its reference validator enforces): one qualifier of each type directly on a bracketed
            // expression; to stack them, parenthesise. STIX 2.0 had no such rule.
            if (version == PatternVersion.V2_1 && bracketed && !seen.add(kind)) {
                throw new PatternSyntaxException(at.position(),
                        "duplicate " + kind.name() + " qualifier on one observation expression; use parentheses");
            }
            expression = new ObservationExpression.Qualified(expression, qualifier);
        }
        return expression;
    }

    private enum QualifierKind {
        WITHIN, REPEATS, STARTSTOP;

        static QualifierKind of(Qualifier q) {
            return switch (q) {
                case Qualifier.Within w -> WITHIN;
                case Qualifier.Repeats r -> REPEATS;
                case Qualifier.StartStop s -> STARTSTOP;
            };
        }
    }

    private Qualifier qualifier() {
        if (current.isKeyword("WITHIN")) {
            advance();
            Token amount = current;
            if (!amount.is(TokenKind.INTEGER) && !amount.is(TokenKind.FLOAT)) {
                throw unexpected("a positive number of seconds after WITHIN");
            }
            BigDecimal seconds = amount.is(TokenKind.INTEGER)
                    ? new BigDecimal(((Literal.IntegerLiteral) amount.value()).value())
                    : ((Literal.FloatLiteral) amount.value()).value();
            if (amount.text().startsWith("-")) {
                throw new PatternSyntaxException(amount.position(), "WITHIN takes a positive number");
            }
            // Section 9.6: the window is a positive duration; WITHIN 0 SECONDS could never be satisfied sensibly.
            if (seconds.signum() <= 0) {
                throw new PatternSyntaxException(amount.position(), "WITHIN takes a positive number of seconds");
            }
            advance();
            expectKeyword("SECONDS");
            return new Qualifier.Within(seconds);
        }
        if (current.isKeyword("REPEATS")) {
            advance();
            Token count = current;
            if (!count.is(TokenKind.INTEGER)) throw unexpected("a positive integer after REPEATS");
            BigInteger times = ((Literal.IntegerLiteral) count.value()).value();
            if (count.text().startsWith("-") || times.signum() <= 0) {
                throw new PatternSyntaxException(count.position(), "REPEATS takes a positive integer");
            }
            if (times.bitLength() > 31) throw new PatternSyntaxException(count.position(), "REPEATS count too large");
            advance();
            expectKeyword("TIMES");
            return new Qualifier.Repeats(times.intValueExact());
        }
        advance(); // START
        Literal.TimestampLiteral start = qualifierTimestamp("START");
        expectKeyword("STOP");
        Literal.TimestampLiteral stop = qualifierTimestamp("STOP");
        return new Qualifier.StartStop(start, stop);
    }

    /** STIX 2.1 writes START/STOP times as t'…'; STIX 2.0 wrote them as strings, which must still be timestamps. */
    private Literal.TimestampLiteral qualifierTimestamp(String after) {
        Token t = current;
        if (t.is(TokenKind.TIMESTAMP)) {
            advance();
            return (Literal.TimestampLiteral) t.value();
        }
        if (version == PatternVersion.V2_0 && t.is(TokenKind.STRING)) {
            String text = ((Literal.StringLiteral) t.value()).value();
            if (!org.entente.core.pattern.ast.TimestampText.isWellFormed(text)) {
                throw new PatternSyntaxException(t.position(),
                        after + " needs a timestamp 'YYYY-MM-DDTHH:MM:SS[.s]Z' with upper-case T and Z");
            }
            advance();
            return new Literal.TimestampLiteral(text);
        }
        throw unexpected("a timestamp literal t'…' after " + after);
    }

    // ---- comparison expressions

    private ComparisonExpression comparisonOr() {
        ComparisonExpression left = comparisonAnd();
        while (current.isKeyword("OR")) {
            advance();
            left = new ComparisonExpression.Or(left, comparisonAnd());
        }
        return left;
    }

    private ComparisonExpression comparisonAnd() {
        ComparisonExpression left = test();
        while (current.isKeyword("AND")) {
            advance();
            left = new ComparisonExpression.And(left, test());
        }
        return left;
    }

    private ComparisonExpression test() {
        if (current.is(TokenKind.LEFT_PAREN)) {
            advance();
            ComparisonExpression inner = comparisonOr();
            expect(TokenKind.RIGHT_PAREN, "')' or a comparison operator (AND, OR)");
            return inner;
        }
        if (current.isKeyword("EXISTS")) {
            if (version == PatternVersion.V2_0) {
                throw new PatternSyntaxException(current.position(), "EXISTS is STIX 2.1 patterning, not 2.0");
            }
            advance();
            return new ComparisonExpression.Exists(objectPath());
        }
        ObjectPath path = objectPath();
        boolean negated = false;
        if (current.isKeyword("NOT")) {
            negated = true;
            advance();
        }
        ComparisonOperator operator = operator();
        Token operandToken = current;
        Operand operand = operand(operator);
        rules.check(path, operator, operand, operandToken.position());
        return new ComparisonExpression.Comparison(path, negated, operator, operand);
    }

    private ComparisonOperator operator() {
        ComparisonOperator op = switch (current.kind()) {
            case EQUAL -> ComparisonOperator.EQUAL;
            case NOT_EQUAL -> ComparisonOperator.NOT_EQUAL;
            case LESS -> ComparisonOperator.LESS;
            case LESS_OR_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
            case GREATER -> ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
            case KEYWORD -> switch (current.text()) {
                case "IN" -> ComparisonOperator.IN;
                case "LIKE" -> ComparisonOperator.LIKE;
                case "MATCHES" -> ComparisonOperator.MATCHES;
                case "ISSUBSET" -> ComparisonOperator.IS_SUBSET;
                case "ISSUPERSET" -> ComparisonOperator.IS_SUPERSET;
                default -> null;
            };
            default -> null;
        };
        if (op == null) throw unexpected("a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)");
        advance();
        return op;
    }

    private Operand operand(ComparisonOperator operator) {
        if (operator == ComparisonOperator.IN) return set();
        if (operator.takesStringOnly()) {
            if (!current.is(TokenKind.STRING)) throw unexpected("a string literal after " + operator.symbol());
            return literal();
        }
        if (operator.isOrdering() && current.is(TokenKind.BOOLEAN)) {
            // Section 9.3: booleans have no order; the grammar's orderable literals leave them out.
            throw new PatternSyntaxException(current.position(), "booleans cannot be ordered with " + operator.symbol());
        }
        return literal();
    }

    private SetLiteral set() {
        expect(TokenKind.LEFT_PAREN, "'(' to start the set of values after IN");
        List<Literal> elements = new ArrayList<>();
        if (!current.is(TokenKind.RIGHT_PAREN)) {
            elements.add(literal());
            while (current.is(TokenKind.COMMA)) {
                advance();
                elements.add(literal());
            }
        }
        expect(TokenKind.RIGHT_PAREN, "',' or ')' in the set of values");
        return new SetLiteral(elements);
    }

    private Literal literal() {
        Token t = current;
        return switch (t.kind()) {
            case STRING, INTEGER, FLOAT, BOOLEAN, HEX, BINARY, TIMESTAMP -> {
                advance();
                yield (Literal) t.value();
            }
            default -> throw unexpected("a constant (string, number, boolean, t'…', h'…' or b'…')");
        };
    }

    // ---- object paths

    private ObjectPath objectPath() {
        Token type = current;
        if (!type.is(TokenKind.IDENTIFIER)) throw unexpected("an object path (type:property)");
        advance();
        if (!current.is(TokenKind.COLON)) throw unexpected("':' between the object type and the property");
        advance();
        List<PathStep> steps = new ArrayList<>();
        steps.add(propertyName());
        while (true) {
            if (current.is(TokenKind.DOT)) {
                advance();
                steps.add(propertyName());
            } else if (current.is(TokenKind.LEFT_BRACKET)) {
                advance();
                steps.add(index());
                expect(TokenKind.RIGHT_BRACKET, "']' after the list index");
            } else {
                return new ObjectPath(type.text(), steps);
            }
        }
    }

    private PathStep.Property propertyName() {
        Token t = current;
        if (t.is(TokenKind.STRING)) {
            advance();
            return new PathStep.Property(((Literal.StringLiteral) t.value()).value());
        }
        if (t.is(TokenKind.IDENTIFIER)) {
            // Section 9.4: a property name with characters beyond [A-Za-z0-9_] must be quoted.
            if (t.text().indexOf('-') >= 0) {
                throw new PatternSyntaxException(t.position(), "property name with '-' must be quoted: '" + t.text() + "'");
            }
            advance();
            return new PathStep.Property(t.text());
        }
        throw unexpected("a property name (quote it with '…' if it has special characters)");
    }

    private PathStep index() {
        Token t = current;
        if (t.is(TokenKind.ASTERISK)) {
            advance();
            return new PathStep.AnyIndex();
        }
        if (t.is(TokenKind.INTEGER)) {
            BigInteger value = ((Literal.IntegerLiteral) t.value()).value();
            if (value.signum() < 0) throw new PatternSyntaxException(t.position(), "a list index is not negative");
            if (value.bitLength() > 31) throw new PatternSyntaxException(t.position(), "list index too large");
            advance();
            return new PathStep.Index(value.intValueExact());
        }
        throw unexpected("a list index (a number or *)");
    }

    // ---- token plumbing

    private void advance() {
        current = lexer.next();
    }

    private void expect(TokenKind kind, String what) {
        if (!current.is(kind)) throw unexpected(what);
        advance();
    }

    private void expectKeyword(String keyword) {
        if (!current.isKeyword(keyword)) throw unexpected(keyword);
        advance();
    }

    private PatternSyntaxException unexpected(String expected) {
        int at = current.is(TokenKind.END) ? length : current.position();
        return new PatternSyntaxException(at, "expected " + expected + " but found " + current.describe());
    }
}
