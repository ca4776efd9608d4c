package org.entente.core.stix.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Input that is not well-formed JSON, or not shaped as STIX where a shape is required. */
public final class StixParseException extends RuntimeException {
    private final long line;
    private final long column;

    public StixParseException(String message, long line, long column) {
        super(line > 0 ? message + " (line " + line + ", column " + column + ")" : message);
        this.line = line;
        this.column = column;
    }

    static StixParseException of(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String reason = e.getOriginalMessage();
        // Jackson's messages can echo long input; the first line says what is wrong.
        int newline = reason.indexOf('\n');
        if (newline > 0) reason = reason.substring(0, newline);
        return new StixParseException("malformed JSON: " + reason,
                at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr());
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
