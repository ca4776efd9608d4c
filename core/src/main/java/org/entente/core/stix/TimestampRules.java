package org.entente.core.stix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Timestamp-valued properties other than created/modified: each MUST be a STIX timestamp (section 2.15), and
 * the pairs the specification orders MUST be in order (e.g. 4.2 campaign: last_seen >= first_seen;
 * 4.7 indicator: valid_until > valid_from).
 */
final class TimestampRules {
    /**
     * The timestamp properties each type defines (a custom property of the same name may hold anything). Lists,
     * not sets: iterating a list allocates nothing once compiled, and reports come in a fixed order.
     */
    private static final Map<String, List<String>> TIMESTAMPS = Map.ofEntries(
            Map.entry("campaign", List.of("first_seen", "last_seen")),
            Map.entry("infrastructure", List.of("first_seen", "last_seen")),
            Map.entry("intrusion-set", List.of("first_seen", "last_seen")),
            Map.entry("malware", List.of("first_seen", "last_seen")),
            Map.entry("threat-actor", List.of("first_seen", "last_seen")),
            Map.entry("sighting", List.of("first_seen", "last_seen")),
            Map.entry("indicator", List.of("valid_from", "valid_until")),
            Map.entry("observed-data", List.of("first_observed", "last_observed")),
            Map.entry("report", List.of("published")),
            Map.entry("relationship", List.of("start_time", "stop_time")),
            Map.entry("malware-analysis", List.of("submitted", "analysis_started", "analysis_ended")),
            Map.entry("language-content", List.of("object_modified")),
            Map.entry("email-message", List.of("date")),
            Map.entry("file", List.of("ctime", "mtime", "atime")),
            Map.entry("directory", List.of("ctime", "mtime", "atime")),
            Map.entry("network-traffic", List.of("start", "end")),
            Map.entry("process", List.of("created_time")),
            Map.entry("windows-registry-key", List.of("modified_time")),
            Map.entry("user-account", List.of("account_created", "account_expires", "credential_last_changed",
                    "account_first_login", "account_last_login")),
            Map.entry("x509-certificate", List.of("validity_not_before", "validity_not_after")));

    /** Two properties the specification orders. */
    private record Order(String earlier, String later, boolean strictly, String section) {}

    /** Object type → the one pair of its properties the specification orders (no type has more than one). */
    private static final Map<String, Order> ORDERS = Map.ofEntries(
            Map.entry("campaign", new Order("first_seen", "last_seen", false, "4.2")),
            Map.entry("infrastructure", new Order("first_seen", "last_seen", false, "4.8")),
            Map.entry("intrusion-set", new Order("first_seen", "last_seen", false, "4.9")),
            Map.entry("malware", new Order("first_seen", "last_seen", false, "4.11")),
            Map.entry("threat-actor", new Order("first_seen", "last_seen", false, "4.17")),
            Map.entry("sighting", new Order("first_seen", "last_seen", false, "5.2")),
            Map.entry("observed-data", new Order("first_observed", "last_observed", false, "4.14")),
            Map.entry("indicator", new Order("valid_from", "valid_until", true, "4.7")),
            Map.entry("relationship", new Order("start_time", "stop_time", true, "5.1")),
            Map.entry("network-traffic", new Order("start", "end", false, "6.12")));

    private TimestampRules() {}

    static void check(StixObject object, Findings findings) {
        String type = object.type();
        for (String name : TIMESTAMPS.getOrDefault(type, List.of())) {
            Object value = object.valueOrAbsent(name);
            if (value == StixObject.ABSENT) continue;
            if (!JsonValues.isTimestamp(value)) {
                findings.error(name, name + " MUST be a timestamp YYYY-MM-DDTHH:mm:ss[.s+]Z in UTC (2.15), not "
                        + VersioningRules.shown(value));
            }
        }
        Order order = ORDERS.get(type);
        if (order == null) return;
        Object laterValue = object.get(order.later());
        if (laterValue == null) return; // the common case (no valid_until, say): nothing to order
        Optional<StixTimestamp> earlier = JsonValues.timestamp(object.get(order.earlier()));
        Optional<StixTimestamp> later = JsonValues.timestamp(laterValue);
        if (earlier.isEmpty() || later.isEmpty()) return;
        int comparison = later.get().compareTo(earlier.get());
        if (comparison < 0 || (order.strictly() && comparison == 0)) {
            findings.error(order.later(), order.later() + " (" + later.get() + ") MUST be "
                    + (order.strictly() ? "later than " : "later than or equal to ") + order.earlier()
                    + " (" + earlier.get() + ") (" + order.section() + ")");
        }
    }
}
