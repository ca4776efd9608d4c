package org.entente.core.pattern;

/**
 * A pattern that is not valid STIX patterning, by grammar or by a rule of the specification. The position is
 * 0-based and counts UTF-16 characters of the pattern text (as {@link String#charAt}); it points at the first
 * character of the offending token, or at the end of the text when the pattern stops too early.
 */
public final class PatternSyntaxException extends IllegalArgumentException {
    private final int position;
    private final String reason;

    public PatternSyntaxException(int position, String reason) {
        super("at " + position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** 0-based character offset in the pattern text. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
