package org.entente.server.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.core.stix.codec.StixJson;

/** Valid STIX 2.1 objects for tests, built fresh so that tests do not share ids. */
public final class SampleObjects {
    private SampleObjects() {}

    public static String id(String type) {
        return type + "--" + UUID.randomUUID();
    }

    public static Map<String, Object> indicator(String id, String modified) {
        return StixJson.object(
                "type", "indicator",
                "spec_version", "2.1",
                "id", id,
                "created", "2026-01-01T00:00:00.000Z",
                "modified", modified,
                "name", "phishing domain",
                "indicator_types", List.of("malicious-activity"),
                "pattern", "[domain-name:value = 'parcel-redelivery.example']",
                "pattern_type", "stix",
                "valid_from", "2026-01-01T00:00:00Z");
    }

    public static Map<String, Object> malware(String id) {
        return StixJson.object(
                "type", "malware",
                "spec_version", "2.1",
                "id", id,
                "created", "2026-01-02T00:00:00.000Z",
                "modified", "2026-01-02T00:00:00.000Z",
                "name", "GRIDLOCK",
                "malware_types", List.of("backdoor"),
                "is_family", true);
    }

    public static Map<String, Object> relationship(String source, String target) {
        return StixJson.object(
                "type", "relationship",
                "spec_version", "2.1",
                "id", id("relationship"),
                "created", "2026-01-03T00:00:00.000Z",
                "modified", "2026-01-03T00:00:00.000Z",
                "relationship_type", "indicates",
                "source_ref", source,
                "target_ref", target);
    }

    public static Map<String, Object> envelope(Object... objects) {
        return StixJson.object("objects", List.of(objects));
    }
}
