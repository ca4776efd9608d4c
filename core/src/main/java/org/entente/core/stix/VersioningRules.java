package org.entente.core.stix;

import java.util.Optional;

/**
 * {@code created} and {@code modified} (section 3.2): valid timestamps, precise to at least the millisecond,
 * and {@code modified} not earlier than {@code created}.
 */
final class VersioningRules {
    private VersioningRules() {}

    /** @param millisecondPrecision false for STIX 2.0 content, which had no precision rule */
    static void check(StixObject object, Findings findings, boolean millisecondPrecision) {
        Optional<StixTimestamp> created = timestamp(object, "created", findings, millisecondPrecision);
        Optional<StixTimestamp> modified = timestamp(object, "modified", findings, millisecondPrecision);
        if (created.isPresent() && modified.isPresent() && modified.get().compareTo(created.get()) < 0) {
            findings.error("modified", "modified (" + modified.get() + ") MUST be later than or equal to created ("
                    + created.get() + ") (3.2)");
        }
    }

    private static Optional<StixTimestamp> timestamp(StixObject object, String name, Findings findings,
                                                     boolean millisecondPrecision) {
        if (!object.has(name)) return Optional.empty();
        Optional<StixTimestamp> value = JsonValues.timestamp(object.get(name));
        if (value.isEmpty()) {
            findings.error(name, name + " MUST be a timestamp YYYY-MM-DDTHH:mm:ss[.s+]Z in UTC (2.15), not "
                    + shown(object.get(name)));
        } else if (millisecondPrecision && value.get().fractionDigits() < 3) {
            findings.error(name, name + " MUST be precise to the millisecond, e.g. 2016-05-12T08:17:27.000Z (3.2), not "
                    + value.get());
        }
        return value;
    }

    static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : JsonValues.describe(value);
    }
}
