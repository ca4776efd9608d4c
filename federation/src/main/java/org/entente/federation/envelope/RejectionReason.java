package org.entente.federation.envelope;

/** Why a received envelope was refused; the order is the order of the checks. */
public enum RejectionReason {
    /** Not an envelope: bad JSON, a field missing, of the wrong type, unknown, or badly encoded. */
    MALFORMED,
    /** Created too far from this node's clock: stale (possibly replayed after the seen-set forgot it) or from the future. */
    OUTSIDE_TIME_WINDOW,
    /** No signing keys are pinned for the origin member. */
    UNKNOWN_ORIGIN,
    /** The sender key is not one of the origin member's keys. */
    KEY_NOT_OF_ORIGIN,
    /** The sender key is the origin's, but was not its current key when the envelope says it was created. */
    KEY_NOT_VALID_AT_CREATION,
    /** The signature does not verify over the envelope's canonical form: altered or forged. */
    BAD_SIGNATURE,
    /** An envelope with this id was accepted before. */
    REPLAYED,
    /** The seen-set cannot take another id now; refused rather than risk accepting a replay. The sender retries. */
    REPLAY_CHECK_UNAVAILABLE
}
