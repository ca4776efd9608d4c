package org.entente.server.detect;

/** What the detect stage found. */
public enum DetectionKind {
    /** An observation or sighting matched an indicator. */
    INDICATOR_MATCH("indicator-match"),
    /** The same observable or indicator was seen by members of several countries within a window. */
    CROSS_BORDER_CLUSTER("cross-border-cluster");

    private final String label;

    DetectionKind(String label) {
        this.label = label;
    }

    /** The name used in warnings, the store and the API, such as {@code indicator-match}. */
    public String label() {
        return label;
    }
}
