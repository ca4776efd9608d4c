package org.entente.core.cap;

/** {@code info/urgency} (CAP 1.2 section 3.2.2): the urgency of the subject event. */
public enum Urgency {
    Immediate, Expected, Future, Past, Unknown
}
