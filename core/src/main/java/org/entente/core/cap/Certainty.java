package org.entente.core.cap;

/** {@code info/certainty} (CAP 1.2 section 3.2.2): the certainty of the subject event. */
public enum Certainty {
    Observed, Likely, Possible, Unlikely, Unknown
}
