package org.entente.store;

import java.time.Instant;

/**
 * A stored version. {@code version} is the object's own version, or {@code dateAdded} for an object
 * without one (TAXII 2.1 section 3.6: "the server SHOULD use date_added"); {@code seq} orders the
 * collection and never changes.
 */
public record StoredVersion(
        long seq, String id, String type, String specVersion, Instant version, Instant dateAdded, String json) {}
