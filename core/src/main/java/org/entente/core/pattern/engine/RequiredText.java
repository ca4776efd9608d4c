package org.entente.core.pattern.engine;

import java.util.Optional;

/**
 * A piece of ASCII text that every value a LIKE or MATCHES operand accepts must contain, found by reading the
 * operand conservatively: when in doubt there is no such text, never a wrong one. Used to screen the patterns
 * the index cannot hold, so that a MATCHES pattern is evaluated only for values containing its longest literal.
 *
 * <p>The comparison runs on the value in Unicode normal form C; screening applies only to ASCII values, which
 * that form leaves unchanged, so "the value contains the text" is tested on what the matcher sees.
 */
final class RequiredText {
    /** Shorter literals screen out too little to be worth a look-up. */
    static final int MINIMUM = 3;

    private RequiredText() {}

    /** The longest literal run of a LIKE operand ({@code %} and {@code _} are its only wildcards). */
    static Optional<String> ofLike(String like) {
        String best = "";
        int start = 0;
        for (int i = 0; i <= like.length(); i++) {
            char c = i == like.length() ? '%' : like.charAt(i);
            if (c == '%' || c == '_' || c >= 0x80) {
                if (i - start > best.length()) best = like.substring(start, i);
                start = i + 1;
            }
        }
        return best.length() >= MINIMUM ? Optional.of(best) : Optional.empty();
    }

    /**
     * The longest run of literal characters outside groups and classes of a Java regular expression (the
     * dialect {@code RegexDialect} compiles to), a character followed by {@code ?}, {@code *} or {@code {…}}
     * dropped. No answer for alternation ({@code |}), inline flags and special groups ({@code (?}), quoting
     * ({@code \Q}), escapes that take arguments ({@code \x}, {@code \\u}, {@code \0}, {@code \c}, {@code \p},
     * {@code \P}, {@code \N}, {@code \k}, back-references) or a class starting with {@code ]}.
     */
    static Optional<String> ofRegex(String regex) {
        if (regex.indexOf('|') >= 0 || regex.contains("(?") || regex.contains("\\Q")) return Optional.empty();
        StringBuilder run = new StringBuilder();
        String best = "";
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) return Optional.empty();
                    char e = regex.charAt(i + 1);
                    if (Character.isLetterOrDigit(e)) {
                        if ("xuc0pPNk".indexOf(e) >= 0 || Character.isDigit(e)) return Optional.empty();
                        best = longer(best, run);
                    } else {
                        run.append(e);
                    }
                    i += 2;
                }
                case '(', '[' -> {
                    best = longer(best, run);
                    i = c == '(' ? afterGroup(regex, i) : afterClass(regex, i);
                    if (i < 0) return Optional.empty();
                    i = afterQuantifier(regex, i);
                }
                case '?', '*', '{' -> {
                    if (!run.isEmpty()) run.setLength(run.length() - 1);
                    best = longer(best, run);
                    i = afterQuantifier(regex, i);
                    if (i < 0) return Optional.empty();
                }
                case '+' -> {
                    best = longer(best, run);
                    i = afterQuantifier(regex, i);
                }
                case '.', '^', '$', ')', ']', '}' -> {
                    best = longer(best, run);
                    i++;
                }
                default -> {
                    if (c >= 0x80 || c < 0x20) {
                        best = longer(best, run);
                    } else {
                        run.append(c);
                    }
                    i++;
                }
            }
        }
        best = longer(best, run);
        return best.length() >= MINIMUM ? Optional.of(best) : Optional.empty();
    }

    /** Keeps the longer of the two and empties the run. */
    private static String longer(String best, StringBuilder run) {
        String candidate = run.toString();
        run.setLength(0);
        return candidate.length() > best.length() ? candidate : best;
    }

    /** The index after a quantifier starting at {@code i} (if any) and its lazy or possessive suffix; -1 if unclosed. */
    private static int afterQuantifier(String regex, int i) {
        if (i >= regex.length()) return i;
        char c = regex.charAt(i);
        if (c == '{') {
            int close = regex.indexOf('}', i);
            if (close < 0) return -1;
            i = close + 1;
        } else if (c == '?' || c == '*' || c == '+') {
            i++;
        } else {
            return i;
        }
        if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) i++;
        return i;
    }

    /** The index after the group opening at {@code open}, skipping nested groups, classes and escapes; -1 if unclosed. */
    private static int afterGroup(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = afterClass(regex, i) - 1;
                if (i < 0) return -1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the class opening at {@code open}, nested classes included; -1 if unclosed or odd. */
    private static int afterClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') i++;
        if (i < regex.length() && regex.charAt(i) == ']') return -1;
        int depth = 1;
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
