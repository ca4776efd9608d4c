package org.entente.store;

/**
 * A page of the object store changed while it was being indexed (a delete removed one of its versions, or
 * moved the index's position back to an older version to index instead): nothing of its batch was written.
 * Read again from {@link CorrelationStore#cursor()}. As an optimistic lock's conflict, it is rare and cheap.
 */
public final class StalePageException extends RuntimeException {
    public StalePageException(String message) {
        super(message);
    }
}
