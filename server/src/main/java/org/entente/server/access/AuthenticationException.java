package org.entente.server.access;

/** Credentials missing, malformed or wrong; the message says which, never what the secret was. */
public final class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
