package org.entente.federation.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Refuses numbers that RFC 8785 canonical JSON cannot tell apart. Canonicalisation writes every number
 * as the IEEE 754 double it parses to (RFC 8785 section 3.2.2.3), so {@code 9007199254740993} and
 * {@code 9007199254740992}, or {@code 0.1} and {@code 0.10000000000000001}, have the same canonical form
 * and therefore the same signature: a relay could change such a number without breaking the signature.
 * A signed document may only hold numbers whose value is that of the shortest text of their double,
 * so that each canonical form stands for exactly one number.
 */
public final class ExactNumbers {
    private ExactNumbers() {}

    /** Checks every number in {@code tree}; {@code path} names the tree's root in errors. */
    public static void check(Object tree, String path) {
        // The path is spelt out only for a number at fault: building it for every member and element cost
        // a receiver more than the check itself (docs/PERFORMANCE.md, "6 after branch sync-overlap").
        StringBuilder fault = fault(tree);
        if (fault != null) {
            String at = path.isEmpty() && !fault.isEmpty() && fault.charAt(0) == '.' ? fault.substring(1) : path + fault;
            throw new JsonFieldException(at, "holds a number that an IEEE 754 double cannot represent exactly"
                    + " (RFC 8785 would give it the canonical form of a different number)");
        }
    }

    /** The path, relative to {@code tree}, of its first number not represented exactly; null when none. */
    private static StringBuilder fault(Object tree) {
        switch (tree) {
            case Map<?, ?> map -> {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    StringBuilder below = fault(e.getValue());
                    if (below != null) return below.insert(0, "." + e.getKey());
                }
                return null;
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    StringBuilder below = fault(list.get(i));
                    if (below != null) return below.insert(0, "[" + i + "]");
                }
                return null;
            }
            case Number n -> {
                return representsExactly(n) ? null : new StringBuilder();
            }
            case null, default -> {
                return null;
            }
        }
    }

    static boolean representsExactly(Number n) {
        // Integers up to 2^53 in magnitude are doubles exactly, and no shorter text lies within half a unit of one.
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) return true;
        if (n instanceof Long l && l >= -(1L << 53) && l <= 1L << 53) return true;
        BigDecimal exact = switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> BigDecimal.valueOf(f);
            default -> BigDecimal.valueOf(n.longValue());
        };
        double d = exact.doubleValue();
        // Double.toString gives the shortest text that reads back as d (JDK 19 and later), the same
        // number RFC 8785 writes; if it differs from the value written, two inputs share one form.
        return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0;
    }
}
