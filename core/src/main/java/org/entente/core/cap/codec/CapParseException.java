package org.entente.core.cap.codec;

/** Input that is not a CAP 1.2 alert document: not well-formed, refused (DOCTYPE, size) or mis-shaped. */
public final class CapParseException extends IllegalArgumentException {
    public CapParseException(String message) {
        super(message);
    }
}
