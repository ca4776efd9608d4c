package org.entente.core.cap;

/** {@code alert/status} (CAP 1.2 section 3.2.1): the appropriate handling of the alert message. */
public enum Status {
    Actual, Exercise, System, Test, Draft
}
