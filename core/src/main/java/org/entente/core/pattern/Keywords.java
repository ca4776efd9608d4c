package org.entente.core.pattern;

import java.util.Set;

/** Reserved words of the patterning grammar. They are case sensitive: {@code within} is an identifier. */
final class Keywords {
    static final Set<String> RESERVED = Set.of(
            "AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES", "ISSUPERSET", "ISSUBSET", "EXISTS", "IN",
            "START", "STOP", "SECONDS", "WITHIN", "REPEATS", "TIMES");

    private Keywords() {}

    /** Words that cannot be written as a bare property name: the keywords and the boolean constants. */
    static boolean needsQuoting(String name) {
        return RESERVED.contains(name) || name.equals("true") || name.equals("false")
                || !isIdentifier(name);
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}, without a regular expression: the printer asks it of every property name. */
    private static boolean isIdentifier(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) return false;
        }
        return true;
    }
}
