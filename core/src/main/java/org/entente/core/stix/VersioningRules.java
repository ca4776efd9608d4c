package org.entente.core.stix;

/**
 * {@code created} and {@code modified} (section 3.2): valid timestamps, precise to at least the millisecond,
 * and {@code modified} not earlier than {@code created}.
 */
final class VersioningRules {
    private VersioningRules() {}

    /** @param millisecondPrecision false for STIX 2.0 content, which had no precision rule */
    static void check(StixObject object, Findings findings, boolean millisecondPrecision) {
        String created = timestamp(object, "created", findings, millisecondPrecision);
        String modified;
        if (created != null && created.equals(object.get("modified"))) {
            // A first version: modified is created's text, so it earns the same verdicts without a second scan.
            if (millisecondPrecision) precision("modified", created, findings);
            modified = created;
        } else {
            modified = timestamp(object, "modified", findings, millisecondPrecision);
        }
        // Equal text is the same instant (the common case of a first version), so only different texts are compared.
        if (created != null && modified != null && !created.equals(modified)
                && StixTimestamp.parse(modified).compareTo(StixTimestamp.parse(created)) < 0) {
            findings.error("modified", "modified (" + modified + ") MUST be later than or equal to created ("
                    + created + ") (3.2)");
        }
    }

    /** The text of a timestamp property when it is a valid timestamp, else null (reporting why when it is present). */
    private static String timestamp(StixObject object, String name, Findings findings, boolean millisecondPrecision) {
        Object value = object.valueOrAbsent(name);
        if (value == StixObject.ABSENT) return null;
        if (!JsonValues.isTimestamp(value)) {
            findings.error(name, name + " MUST be a timestamp YYYY-MM-DDTHH:mm:ss[.s+]Z in UTC (2.15), not "
                    + shown(value));
            return null;
        }
        String text = (String) value;
        if (millisecondPrecision) precision(name, text, findings);
        return text;
    }

    private static void precision(String name, String timestamp, Findings findings) {
        if (StixTimestamp.fractionDigitsOf(timestamp) < 3) {
            findings.error(name, name + " MUST be precise to the millisecond, e.g. 2016-05-12T08:17:27.000Z (3.2), not "
                    + timestamp);
        }
    }

    static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : JsonValues.describe(value);
    }
}
