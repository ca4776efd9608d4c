package org.entente.core.stix;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Timestamp-valued properties other than created/modified: each MUST be a STIX timestamp (section 2.15), and
 * the pairs the specification orders MUST be in order (e.g. 4.2 campaign: last_seen >= first_seen;
 * 4.7 indicator: valid_until > valid_from).
 */
final class TimestampRules {
    /** The timestamp properties each type defines (a custom property of the same name may hold anything). */
    private static final Map<String, Set<String>> TIMESTAMPS = Map.ofEntries(
            Map.entry("campaign", Set.of("first_seen", "last_seen")),
            Map.entry("infrastructure", Set.of("first_seen", "last_seen")),
            Map.entry("intrusion-set", Set.of("first_seen", "last_seen")),
            Map.entry("malware", Set.of("first_seen", "last_seen")),
            Map.entry("threat-actor", Set.of("first_seen", "last_seen")),
            Map.entry("sighting", Set.of("first_seen", "last_seen")),
            Map.entry("indicator", Set.of("valid_from", "valid_until")),
            Map.entry("observed-data", Set.of("first_observed", "last_observed")),
            Map.entry("report", Set.of("published")),
            Map.entry("relationship", Set.of("start_time", "stop_time")),
            Map.entry("malware-analysis", Set.of("submitted", "analysis_started", "analysis_ended")),
            Map.entry("language-content", Set.of("object_modified")),
            Map.entry("email-message", Set.of("date")),
            Map.entry("file", Set.of("ctime", "mtime", "atime")),
            Map.entry("directory", Set.of("ctime", "mtime", "atime")),
            Map.entry("network-traffic", Set.of("start", "end")),
            Map.entry("process", Set.of("created_time")),
            Map.entry("windows-registry-key", Set.of("modified_time")),
            Map.entry("user-account", Set.of("account_created", "account_expires", "credential_last_changed",
                    "account_first_login", "account_last_login")),
            Map.entry("x509-certificate", Set.of("validity_not_before", "validity_not_after")));

    /** Two properties the specification orders, for the listed types. */
    private record Order(Set<String> types, String earlier, String later, boolean strictly, String section) {}

    private static final List<Order> ORDERS = List.of(
            new Order(Set.of("campaign"), "first_seen", "last_seen", false, "4.2"),
            new Order(Set.of("infrastructure"), "first_seen", "last_seen", false, "4.8"),
            new Order(Set.of("intrusion-set"), "first_seen", "last_seen", false, "4.9"),
            new Order(Set.of("malware"), "first_seen", "last_seen", false, "4.11"),
            new Order(Set.of("threat-actor"), "first_seen", "last_seen", false, "4.17"),
            new Order(Set.of("sighting"), "first_seen", "last_seen", false, "5.2"),
            new Order(Set.of("observed-data"), "first_observed", "last_observed", false, "4.14"),
            new Order(Set.of("indicator"), "valid_from", "valid_until", true, "4.7"),
            new Order(Set.of("relationship"), "start_time", "stop_time", true, "5.1"),
            new Order(Set.of("network-traffic"), "start", "end", false, "6.12"));

    private TimestampRules() {}

    static void check(StixObject object, Findings findings) {
        for (String name : TIMESTAMPS.getOrDefault(object.type(), Set.of())) {
            if (object.has(name) && JsonValues.timestamp(object.get(name)).isEmpty()) {
                findings.error(name, name + " MUST be a timestamp YYYY-MM-DDTHH:mm:ss[.s+]Z in UTC (2.15), not "
                        + VersioningRules.shown(object.get(name)));
            }
        }
        for (Order order : ORDERS) {
            if (!order.types().contains(object.type())) continue;
            Optional<StixTimestamp> earlier = JsonValues.timestamp(object.get(order.earlier()));
            Optional<StixTimestamp> later = JsonValues.timestamp(object.get(order.later()));
            if (earlier.isEmpty() || later.isEmpty()) continue;
            int comparison = later.get().compareTo(earlier.get());
            if (comparison < 0 || (order.strictly() && comparison == 0)) {
                findings.error(order.later(), order.later() + " (" + later.get() + ") MUST be "
                        + (order.strictly() ? "later than " : "later than or equal to ") + order.earlier()
                        + " (" + earlier.get() + ") (" + order.section() + ")");
            }
        }
    }
}
