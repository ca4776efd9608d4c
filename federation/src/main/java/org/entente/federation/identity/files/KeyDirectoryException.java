package org.entente.federation.identity.files;

/** A key directory that cannot be created, read or changed as asked, with the file concerned. */
public final class KeyDirectoryException extends RuntimeException {
    public KeyDirectoryException(String message) {
        super(message);
    }

    public KeyDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
