package org.entente.core.cap;

/** A CAP 1.2 alert that breaks a rule of the specification; the message names the element. */
public final class InvalidCapException extends IllegalArgumentException {
    public InvalidCapException(String message) {
        super(message);
    }
}
