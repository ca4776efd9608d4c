package org.entente.core.cap;

/** {@code info/category} (CAP 1.2 section 3.2.2): the category of the subject event. */
public enum Category {
    Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other
}
