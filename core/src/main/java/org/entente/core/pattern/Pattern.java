package org.entente.core.pattern;

import java.util.Objects;
import org.entente.core.pattern.ast.ObservationExpression;

/**
 * A parsed STIX pattern (STIX 2.1 section 9): the text as given, the grammar edition it was read with, and its
 * tree. Immutable and safe to share; equal when the trees are equal.
 */
public final class Pattern {
    /** The text as given; for a tree built in code, null until first asked for (printing is not free). */
    private volatile String text;
    private final PatternVersion version;
    private final ObservationExpression expression;

    private Pattern(String text, PatternVersion version, ObservationExpression expression) {
        this.text = text;
        this.version = version;
        this.expression = expression;
    }

    /** Parses STIX 2.1 pattern text. */
    public static Pattern parse(String text) {
        return parse(text, PatternVersion.V2_1);
    }

    /** Parses pattern text by the grammar of the given edition; throws {@link PatternSyntaxException}. */
    public static Pattern parse(String text, PatternVersion version) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(version, "version");
        return new Pattern(text, version, PatternParser.parse(text, version));
    }

    /** Wraps a tree built in code; its text is the printed form. */
    public static Pattern of(ObservationExpression expression) {
        Objects.requireNonNull(expression, "expression");
        // The engine wraps every rewritten pattern it compiles and seldom asks for the text: printed when asked.
        return new Pattern(null, PatternVersion.V2_1, expression);
    }

    /** The text as it was parsed. */
    public String text() {
        String t = text;
        if (t == null) text = t = PatternPrinter.print(expression);
        return t;
    }

    public PatternVersion version() {
        return version;
    }

    public ObservationExpression expression() {
        return expression;
    }

    /** The tree written out again in a normal form that parses back to an equal tree. */
    public String canonicalText() {
        return PatternPrinter.print(expression);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern other && expression.equals(other.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
