package org.entente.core.cap;

/**
 * {@code info/severity} (CAP 1.2 section 3.2.2): the severity of the subject event, declared from the
 * most severe down as the specification lists it.
 */
public enum Severity {
    Extreme, Severe, Moderate, Minor, Unknown;

    /**
     * One step more severe: Minor becomes Moderate, Moderate Severe, Severe Extreme; Extreme stays
     * Extreme. Unknown becomes Moderate: a warning nobody acknowledged is worth more attention, not less.
     */
    public Severity escalated() {
        return switch (this) {
            case Extreme, Severe -> Extreme;
            case Moderate -> Severe;
            case Minor, Unknown -> Moderate;
        };
    }
}
