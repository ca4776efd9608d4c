package org.entente.store;

/** What a user may do with one collection. */
public record Rights(boolean read, boolean write) {
    public static final Rights NONE = new Rights(false, false);
    public static final Rights READ_WRITE = new Rights(true, true);
}
