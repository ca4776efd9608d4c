package org.entente.core.cap;

/** {@code alert/scope} (CAP 1.2 section 3.2.1): the intended distribution of the alert message. */
public enum Scope {
    Public, Restricted, Private
}
