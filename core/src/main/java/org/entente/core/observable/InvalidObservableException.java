package org.entente.core.observable;

import java.util.Optional;

/**
 * Raised when a value cannot be normalised: names the kind, the input (masked for payment cards, whose
 * numbers must not reach logs), the rule it breaks and, for values read from a STIX object, where it was.
 */
public final class InvalidObservableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient ObservableKind kind;
    private final String kindLabel;
    private final String input;
    private final String rule;
    private final String property;

    public InvalidObservableException(ObservableKind kind, String input, String rule) {
        this(kind, kind.label(), input, rule, "");
    }

    private InvalidObservableException(ObservableKind kind, String kindLabel, String input, String rule, String property) {
        super("invalid " + kindLabel + " '" + input + "'" + (property.isEmpty() ? "" : " at " + property) + ": " + rule);
        this.kind = kind;
        this.kindLabel = kindLabel;
        this.input = input;
        this.rule = rule;
        this.property = property;
    }

    /** A hash under an algorithm outside the STIX vocabulary, which therefore has no kind. */
    static InvalidObservableException unknownHashAlgorithm(String algorithm, String input) {
        return new InvalidObservableException(null, "file:hashes." + algorithm, input,
                "unknown hash algorithm '" + algorithm + "' (STIX hash-algorithm-ov)", "");
    }

    /** The same failure, located at a property of a STIX object ({@code url--…/value}). */
    public InvalidObservableException at(String property) {
        return new InvalidObservableException(kind, kindLabel, input, rule, property);
    }

    /** The kind the value was normalised as; empty for a hash of an unknown algorithm. */
    public Optional<ObservableKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The input as shown in the message (masked for payment cards). */
    public String input() {
        return input;
    }

    public String rule() {
        return rule;
    }

    /** Where the value came from, or empty when it was given directly. */
    public String property() {
        return property;
    }
}
