package org.entente.core.stix;

import java.util.Objects;

/**
 * One rule an object breaks. {@code property} is a path such as {@code external_references[0].source_name}
 * (empty when the rule concerns the object as a whole); {@code rule} says what the specification requires,
 * ideally with its section.
 */
public record Violation(Severity severity, String objectId, String property, String rule) {
    /** MUST rules make an object invalid; SHOULD rules are reported but do not stop it. */
    public enum Severity { ERROR, WARNING }

    public Violation {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(rule, "rule");
    }

    public static Violation error(String objectId, String property, String rule) {
        return new Violation(Severity.ERROR, objectId, property, rule);
    }

    public static Violation warning(String objectId, String property, String rule) {
        return new Violation(Severity.WARNING, objectId, property, rule);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line naming the object, the property and the rule, e.g. for an API error body. */
    public String message() {
        String who = objectId.isEmpty() ? "object" : objectId;
        return property.isEmpty() ? who + ": " + rule : who + ": property '" + property + "': " + rule;
    }

    @Override
    public String toString() {
        return severity + " " + message();
    }
}
