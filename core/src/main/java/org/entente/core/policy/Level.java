package org.entente.core.policy;

/** The level at which a member organisation acts. */
public enum Level {
    STATE,
    MINISTERIAL,
    SECTORAL
}
