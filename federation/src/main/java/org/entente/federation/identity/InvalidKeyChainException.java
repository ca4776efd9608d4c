package org.entente.federation.identity;

/** A signing-key chain that does not lead from the member's first key to its current one. */
public final class InvalidKeyChainException extends RuntimeException {
    public InvalidKeyChainException(String message) {
        super(message);
    }
}
