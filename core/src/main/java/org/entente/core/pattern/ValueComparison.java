package org.entente.core.pattern;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.entente.core.pattern.ast.BinaryText;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.TimestampText;

/**
 * Equality and order between a value taken from an object and a pattern constant (STIX 2.1 section 9.3).
 * Values of types that cannot be compared are simply unequal and unordered: integers and floats compare as
 * numbers, strings by code point, binary data bytewise unsigned (a string joins in when all its code points are
 * below 256), timestamps by instant (a string compared with a timestamp constant must hold a timestamp, else
 * evaluation fails), booleans only for equality.
 */
final class ValueComparison {
    private ValueComparison() {}

    static boolean equal(Object value, Literal literal) {
        OptionalInt c = compare(value, literal, true);
        return c.isPresent() && c.getAsInt() == 0;
    }

    /** value compared with literal (negative: value is less), empty when they have no order. */
    static OptionalInt order(Object value, Literal literal) {
        return compare(value, literal, false);
    }

    private static OptionalInt compare(Object value, Literal literal, boolean forEquality) {
        if (value == null) return OptionalInt.empty(); // JSON null is no value of any type
        return switch (literal) {
            case Literal.TimestampLiteral t -> value instanceof String s
                    ? OptionalInt.of(timestamp(s).compareTo(literalInstant(t)))
                    : OptionalInt.empty();
            case Literal.IntegerLiteral i -> numeric(value, new BigDecimal(i.value()));
            case Literal.FloatLiteral f -> numeric(value, f.value());
            case Literal.BooleanLiteral b -> forEquality && value instanceof Boolean v
                    ? OptionalInt.of(v == b.value() ? 0 : 1)
                    : OptionalInt.empty();
            case Literal.StringLiteral s -> switch (value) {
                case String v -> OptionalInt.of(compareCodePoints(v, s.value()));
                case byte[] v -> bytes(v, BinaryText.latin1Bytes(s.value()));
                default -> OptionalInt.empty();
            };
            case Literal.BinaryLiteral b -> switch (value) {
                case byte[] v -> OptionalInt.of(Arrays.compareUnsigned(v, b.bytes()));
                case String v -> BinaryText.latin1Bytes(v).map(bytes -> OptionalInt.of(Arrays.compareUnsigned(bytes, b.bytes())))
                        .orElse(OptionalInt.empty());
                default -> OptionalInt.empty();
            };
        };
    }

    private static OptionalInt bytes(byte[] value, Optional<byte[]> literal) {
        return literal.map(l -> OptionalInt.of(Arrays.compareUnsigned(value, l))).orElse(OptionalInt.empty());
    }

    private static OptionalInt numeric(Object value, BigDecimal literal) {
        BigDecimal v = JsonNumbers.decimal(value);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v.compareTo(literal));
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static Instant timestamp(String value) {
        try {
            return TimestampText.toInstant(value);
        } catch (IllegalArgumentException e) {
            throw new PatternEvaluationException("compared with a timestamp, but not a timestamp: " + value, e);
        }
    }

    static Instant literalInstant(Literal.TimestampLiteral literal) {
        try {
            return literal.instant();
        } catch (IllegalArgumentException e) {
            throw new PatternEvaluationException("the pattern's timestamp names no real instant: " + literal.text(), e);
        }
    }
}
