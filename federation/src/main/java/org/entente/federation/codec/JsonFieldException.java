package org.entente.federation.codec;

/**
 * Input that is not what a federation document must be, with the path of the offending field
 * ({@code audience.members[2]}, {@code markings.tlp}, …) so that an operator can see what the sender got
 * wrong without reading the whole document.
 */
public final class JsonFieldException extends RuntimeException {
    private final String field;

    public JsonFieldException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The path of the field at fault; empty when the document as a whole is at fault. */
    public String field() {
        return field;
    }
}
