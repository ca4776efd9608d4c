package org.entente.core.pattern.engine;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;

/**
 * What the engine needs of a STIX indicator (STIX 2.1 section 4.7): its id, its STIX pattern, the interval
 * [{@code validFrom}, {@code validUntil}) in which it is valid ({@code validUntil} null: no end) and whether it
 * is revoked.
 */
public record Indicator(String id, String pattern, Instant validFrom, Instant validUntil, boolean revoked) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            // STIX 2.1 section 4.7: valid_until MUST be greater than valid_from.
            throw new IllegalArgumentException(id + ": valid_until " + validUntil + " is not after valid_from " + validFrom);
        }
    }

    /** An indicator valid from {@code validFrom} on, not revoked. */
    public static Indicator of(String id, String pattern, Instant validFrom) {
        return new Indicator(id, pattern, validFrom, null, false);
    }

    /**
     * Reads a STIX indicator object. Only {@code pattern_type} {@code stix} can be matched; any other is refused,
     * naming it, as is an object that is not an indicator or lacks {@code pattern} or {@code valid_from}.
     */
    public static Indicator of(StixObject indicator) {
        String id = indicator.id().isEmpty() ? "indicator (no id)" : indicator.id();
        if (!indicator.type().equals("indicator")) {
            throw new IllegalArgumentException(id + ": not an indicator but a " + indicator.type());
        }
        String patternType = indicator.string("pattern_type").orElse("stix");
        if (!patternType.equals("stix")) {
            throw new IllegalArgumentException(id + ": pattern_type " + patternType + " cannot be matched, only stix");
        }
        String pattern = indicator.string("pattern")
                .orElseThrow(() -> new IllegalArgumentException(id + ": pattern is missing or not a string"));
        Instant from = timestamp(indicator, "valid_from", id);
        if (from == null) throw new IllegalArgumentException(id + ": valid_from is missing");
        Instant until = timestamp(indicator, "valid_until", id);
        return new Indicator(id, pattern, from, until, Boolean.TRUE.equals(indicator.get("revoked")));
    }

    private static Instant timestamp(StixObject o, String property, String id) {
        Object value = o.get(property);
        if (value == null) return null;
        if (!(value instanceof String text)) throw new IllegalArgumentException(id + ": " + property + " is not a string");
        return StixTimestamp.tryParse(text).map(StixTimestamp::instant).orElseThrow(
                () -> new IllegalArgumentException(id + ": " + property + " is not a STIX timestamp: " + text));
    }
}
