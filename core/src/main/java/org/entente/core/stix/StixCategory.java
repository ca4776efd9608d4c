package org.entente.core.stix;

/**
 * The kinds of STIX 2.1 object (section 1.4 overview): domain objects (chapter 4), relationship objects
 * (chapter 5), cyber-observable objects (chapter 6), meta objects (chapter 7: language content, marking
 * definition, extension definition) and the bundle (chapter 8). {@link #CUSTOM} is any type the
 * specification does not define (chapter 11).
 */
public enum StixCategory {
    SDO, SRO, SCO, META, BUNDLE, CUSTOM;

    /** Objects that carry {@code created} and {@code modified} and are versioned by them. */
    public boolean isVersioned() {
        return this == SDO || this == SRO;
    }
}
