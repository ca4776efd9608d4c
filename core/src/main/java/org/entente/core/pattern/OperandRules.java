package org.entente.core.pattern;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.entente.core.pattern.ast.ComparisonOperator;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.Operand;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.SetLiteral;

/**
 * Checks on a comparison's operand that the grammar alone does not make: a set holds values of one type, a
 * MATCHES operand is a regular expression, ISSUBSET/ISSUPERSET operands are addresses or CIDR blocks, and a
 * value compared with a {@code hashes} entry of a known algorithm has that algorithm's form (STIX 2.1 section
 * 10.10, hash-algorithm-ov; the reference validator applies the same rule).
 */
final class OperandRules {
    /** The hex digits of a digest of each algorithm with a fixed-length hex form, by its name in upper case without '-'. */
    private static final Map<String, Integer> HEX_DIGITS = Map.ofEntries(
            Map.entry("MD5", 32),
            Map.entry("SHA1", 40),
            Map.entry("SHA224", 56),
            Map.entry("SHA256", 64),
            Map.entry("SHA384", 96),
            Map.entry("SHA512", 128),
            Map.entry("SHA3224", 56),
            Map.entry("SHA3256", 64),
            Map.entry("SHA3384", 96),
            Map.entry("SHA3512", 128),
            Map.entry("RIPEMD160", 40),
            Map.entry("WHIRLPOOL", 128));
    private static final java.util.regex.Pattern SSDEEP = java.util.regex.Pattern.compile("[a-zA-Z0-9/+:.]{1,128}");

    void check(ObjectPath path, ComparisonOperator operator, Operand operand, int position) {
        switch (operator) {
            case IN -> checkSet((SetLiteral) operand, position);
            case MATCHES -> checkRegex(((Literal.StringLiteral) operand).value(), position);
            case IS_SUBSET, IS_SUPERSET -> checkNetwork(((Literal.StringLiteral) operand).value(), position);
            default -> { }
        }
        if (operator == ComparisonOperator.EQUAL || operator == ComparisonOperator.NOT_EQUAL) {
            checkHash(path, List.of((Literal) operand), position);
        } else if (operator == ComparisonOperator.IN) {
            checkHash(path, ((SetLiteral) operand).elements(), position);
        }
    }

    // Section 9.3, IN: the set's values share one type; integers and floats are both numbers.
    private static void checkSet(SetLiteral set, int position) {
        Class<?> first = null;
        for (Literal element : set.elements()) {
            Class<?> type = element instanceof Literal.FloatLiteral ? Literal.IntegerLiteral.class : element.getClass();
            if (first == null) {
                first = type;
            } else if (first != type) {
                throw new org.entente.core.pattern.PatternSyntaxException(position,
                        "the values of a set must all have the same type");
            }
        }
    }

    private static void checkRegex(String regex, int position) {
        try {
            RegexDialect.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new org.entente.core.pattern.PatternSyntaxException(position,
                    "not a valid regular expression: " + e.getDescription());
        }
    }

    private static void checkNetwork(String value, int position) {
        if (IpNetwork.parse(value).isEmpty()) {
            throw new org.entente.core.pattern.PatternSyntaxException(position,
                    "ISSUBSET and ISSUPERSET take an IPv4 or IPv6 address or CIDR block (IPv4 parts without leading zeros): '"
                    + value + "'");
        }
    }

    private static void checkHash(ObjectPath path, List<Literal> values, int position) {
        // Asked of every comparison of every pattern compiled, so no streams or regular expressions on the way.
        List<PathStep> steps = path.steps();
        if (steps.size() < 2 || !(steps.getLast() instanceof PathStep.Property algorithm) || !underHashes(steps)) return;
        String name = algorithm.name().toUpperCase(Locale.ROOT).replace("-", "");
        Integer hexDigits = HEX_DIGITS.get(name);
        if (hexDigits == null && !name.equals("SSDEEP")) return;
        for (Literal value : values) {
            if (value instanceof Literal.StringLiteral s
                    && !(hexDigits == null ? SSDEEP.matcher(s.value()).matches() : isHex(s.value(), hexDigits))) {
                throw new org.entente.core.pattern.PatternSyntaxException(position,
                        "'" + s.value() + "' is not a valid " + algorithm.name() + " hash");
            }
        }
    }

    private static boolean underHashes(List<PathStep> steps) {
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i) instanceof PathStep.Property p && p.name().equals("hashes")) return true;
        }
        return false;
    }

    /** {@code [0-9a-fA-F]{digits}}. */
    private static boolean isHex(String text, int digits) {
        if (text.length() != digits) return false;
        for (int i = 0; i < digits; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
        }
        return true;
    }
}
