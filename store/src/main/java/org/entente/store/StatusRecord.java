package org.entente.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one POST of objects. Each detail names an object version and, for failures, why.
 * {@code owner} is the user who posted, the only one (beside admins) allowed to read it.
 */
public record StatusRecord(
        String id,
        String owner,
        String status,
        Instant requestTimestamp,
        int totalCount,
        List<Detail> successes,
        List<Detail> failures,
        List<Detail> pendings) {
    /** One object of the request; {@code version} may be null for objects without one. */
    public record Detail(String id, String version, String message) {}

    public StatusRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        pendings = List.copyOf(pendings);
    }
}
