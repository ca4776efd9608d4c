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
    private static final Map<String, String> HASH_FORMS = Map.ofEntries(
            Map.entry("MD5", "[0-9a-fA-F]{32}"),
            Map.entry("SHA1", "[0-9a-fA-F]{40}"),
            Map.entry("SHA224", "[0-9a-fA-F]{56}"),
            Map.entry("SHA256", "[0-9a-fA-F]{64}"),
            Map.entry("SHA384", "[0-9a-fA-F]{96}"),
            Map.entry("SHA512", "[0-9a-fA-F]{128}"),
            Map.entry("SHA3224", "[0-9a-fA-F]{56}"),
            Map.entry("SHA3256", "[0-9a-fA-F]{64}"),
            Map.entry("SHA3384", "[0-9a-fA-F]{96}"),
            Map.entry("SHA3512", "[0-9a-fA-F]{128}"),
            Map.entry("RIPEMD160", "[0-9a-fA-F]{40}"),
            Map.entry("WHIRLPOOL", "[0-9a-fA-F]{128}"),
            Map.entry("SSDEEP", "[a-zA-Z0-9/+:.]{1,128}"));

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
                    "ISSUBSET and ISSUPERSET take an IPv4 or IPv6 address or CIDR block: '" + value + "'");
        }
    }

    private static void checkHash(ObjectPath path, List<Literal> values, int position) {
        List<PathStep> steps = path.steps();
        if (steps.size() < 2 || !(steps.getLast() instanceof PathStep.Property algorithm)) return;
        boolean underHashes = steps.subList(0, steps.size() - 1).stream()
                .anyMatch(s -> s instanceof PathStep.Property p && p.name().equals("hashes"));
        if (!underHashes) return;
        String form = HASH_FORMS.get(algorithm.name().toUpperCase(Locale.ROOT).replace("-", ""));
        if (form == null) return;
        for (Literal value : values) {
            if (value instanceof Literal.StringLiteral s && !s.value().matches(form)) {
                throw new org.entente.core.pattern.PatternSyntaxException(position,
                        "'" + s.value() + "' is not a valid " + algorithm.name() + " hash");
            }
        }
    }
}
