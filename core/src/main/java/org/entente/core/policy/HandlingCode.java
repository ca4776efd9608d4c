package org.entente.core.policy;

/**
 * Handling codes in the style of Europol's SIENA, carried as markings beside TLP. They restrict use and
 * dissemination by the recipient; the provider's permission lifts them.
 */
public enum HandlingCode {
    /** Not to be used as evidence in judicial proceedings without the provider's permission. */
    H0,
    /** Not to be disseminated further without the provider's permission. */
    H1,
    /** Not to be acted upon (e.g. operationally) without the provider's permission. */
    H2,
    /** Other restrictions, stated with the object. */
    H3;

    /** Whether a recipient may pass the object on to others without asking the provider. */
    public boolean allowsOnwardSharing() {
        return this != H1;
    }
}
