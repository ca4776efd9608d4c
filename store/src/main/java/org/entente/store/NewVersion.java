package org.entente.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A version to store. {@code version} is the object's {@code modified}, else {@code created}; null for an
 * object with neither (most cyber-observables), which then has exactly one version. {@code json} is the
 * object's JSON text, served back as it is.
 */
public record NewVersion(String id, String type, String specVersion, Instant version, String json) {
    public NewVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(json, "json");
    }
}
