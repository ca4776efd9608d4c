package org.entente.core.observable;

/** How the local part of an e-mail address (before the {@code @}) enters the key. */
public enum EmailLocalPart {
    /**
     * Lowercased. RFC 5321 §2.4 lets a host treat local parts as case-sensitive, but the providers in
     * practice do not, and a fraud or phishing sender written {@code John.Doe@} in one report and
     * {@code john.doe@} in another is the same mailbox: a missed match costs more than the rare false one.
     * The default.
     */
    LOWERCASE,
    /** Kept as written, for members whose charter requires the exact form. */
    PRESERVE_CASE
}
