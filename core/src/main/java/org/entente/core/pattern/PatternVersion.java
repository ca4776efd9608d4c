package org.entente.core.pattern;

/**
 * Which edition of the patterning grammar a pattern is written for. The editions differ in small ways: STIX 2.0
 * writes START/STOP times as plain strings and has no EXISTS; STIX 2.1 requires timestamp literals there and
 * forbids repeating a qualifier type directly on one bracketed expression.
 */
public enum PatternVersion {
    V2_0("2.0"),
    V2_1("2.1");

    private final String label;

    PatternVersion(String label) {
        this.label = label;
    }

    /** "2.0" or "2.1", as in {@code spec_version} and {@code pattern_version}. */
    public String label() {
        return label;
    }

    public static PatternVersion ofLabel(String label) {
        for (PatternVersion v : values()) {
            if (v.label.equals(label)) return v;
        }
        throw new IllegalArgumentException("unknown STIX pattern version: " + label);
    }
}
