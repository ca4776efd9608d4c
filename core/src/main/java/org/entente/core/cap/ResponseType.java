package org.entente.core.cap;

/** {@code info/responseType} (CAP 1.2 section 3.2.2): the type of action recommended. */
public enum ResponseType {
    Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None
}
