package org.entente.core.pattern.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a high-volume observation stream: an SCO {@code {"type": type, "value": value}} observed at
 * {@code observedAt} (a DNS query, a URL clicked, a number reported by a bank), as
 * {@link IndicatorEngine#matchValues} takes them.
 */
public record ValueEvent(String type, String value, Instant observedAt) {
    public ValueEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
