package org.entente.server.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.SharingLabels;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.ingest.ObservationLine;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observation streams: every line counted, bad lines named with their problem, only hits stored, as sightings. */
class ObservationIntakeTest {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    Store store;
    HeldIndicators indicators = new HeldIndicators();
    List<List<StixObject>> stored = new ArrayList<>();
    ObservationIntake intake;

    @BeforeEach
    void open() {
        store = StoreFactory.open(dir, null);
        store.members().save(new Member(DetectorTest.DE, "CERT-DE", "DE", Level.STATE, "cyber"));
        store.members().setLocal(DetectorTest.DE);
        SightingSink sink = (List<StixObject> objects, Optional<SharingLabels> labels) -> {
            // One list per sighting, as the hits were stored: SCO, observed-data, sighting.
            for (int i = 0; i < objects.size(); i += 3) stored.add(objects.subList(i, i + 3));
            return objects.stream().filter(o -> o.type().equals("sighting")).map(StixObject::id).toList();
        };
        intake = new ObservationIntake(store, DetectorTest.DE, indicators, sink, Clock.fixed(NOW, ZoneOffset.UTC));
        hold("indicator--00000000-0000-4000-8000-000000000001", "[domain-name:value = 'evil.example']");
        hold("indicator--00000000-0000-4000-8000-000000000002", "[x-entente-phone-number:value = '+4915112345678']");
        hold("indicator--00000000-0000-4000-8000-000000000003", "[url:value LIKE 'http://pay-parcel.example/%']");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void hitsOfOneObservableBecomeOneSightingCountingThemAndMissesAreNotStored() throws IOException {
        ObservationSummary summary = take("""
                {"type":"domain-name","value":"evil.example","seen":"2026-11-24T10:00:00Z"}
                {"type":"domain-name","value":"quiet.example","seen":"2026-11-24T10:00:01Z"}
                {"type":"domain-name","value":"Evil.Example.","seen":"2026-11-24T09:00:00Z"}
                {"type":"phone-number","value":"+49 151 1234 5678"}
                """);

        assertThat(summary.lines()).isEqualTo(4);
        assertThat(summary.matched()).isEqualTo(3);
        assertThat(summary.rejected()).isZero();
        assertThat(stored).hasSize(2);
        List<StixObject> domain = stored.getFirst();
        assertThat(domain).extracting(StixObject::type).containsExactly("domain-name", "observed-data", "sighting");
        StixObject sighting = domain.get(2);
        assertThat(sighting.get("count")).isEqualTo(2L);
        assertThat(sighting.get("first_seen")).isEqualTo("2026-11-24T09:00:00.000Z");
        assertThat(sighting.get("last_seen")).isEqualTo("2026-11-24T10:00:00.000Z");
        assertThat(sighting.get("sighting_of_ref")).isEqualTo("indicator--00000000-0000-4000-8000-000000000001");
        assertThat(sighting.list("where_sighted_refs")).containsExactly(DetectorTest.DE.value());
        assertThat(sighting.list("observed_data_refs")).containsExactly(domain.get(1).id());
        assertThat(domain.get(1).list("object_refs")).containsExactly(domain.get(0).id());
        assertThat(stored.get(1).getFirst().type()).isEqualTo("x-entente-phone-number");
        assertThat(stored.get(1).getLast().get("first_seen")).as("seen defaults to the time received").isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(summary.sightings()).containsExactly(sighting.id(), stored.get(1).getLast().id());
    }

    @Test
    void aStixScoLineIsMatchedByTheFullMatcherWhereThePatternNeedsIt() throws IOException {
        ObservationSummary summary = take(
                "{\"type\":\"url\",\"spec_version\":\"2.1\",\"id\":\"url--00000000-0000-5000-8000-000000000001\",\"value\":\"http://pay-parcel.example/login\"}\n");
        assertThat(summary.matched()).isEqualTo(1);
        assertThat(stored).singleElement().satisfies(objects -> assertThat(objects.getFirst().id()).isEqualTo("url--00000000-0000-5000-8000-000000000001"));
    }

    @Test
    void everyBadLineIsRefusedWithItsNumberAndProblemAndTheOthersStillCount() throws IOException {
        ObservationSummary summary = take(String.join("\n",
                "{\"type\":\"domain-name\",\"value\":\"evil.example\"}",
                "[1, 2]",
                "{\"value\":\"evil.example\"}",
                "{\"type\":\"domain-name\",\"value\":\"evil.example\",\"source\":\"dns\"}",
                "{\"type\":\"phone-number\",\"value\":\"call me\"}",
                "{\"type\":\"domain-name\",\"value\":\"evil.example\",\"seen\":\"yesterday\"}",
                "{\"type\":\"domain-name\",\"value\":\"" + "a".repeat(ObservationIntake.MAX_LINE) + "\"}",
                "{\"type\":\"indicator\",\"id\":\"indicator--00000000-0000-4000-8000-000000000001\"}",
                "",
                "{\"type\":\"domain-name\",\"value\":\"evil.example\"}"));

        assertThat(summary.lines()).isEqualTo(10);
        assertThat(summary.matched()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(7);
        assertThat(summary.errors()).extracting(ObservationSummary.LineError::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(summary.errors()).extracting(ObservationSummary.LineError::problem).satisfiesExactly(
                p -> assertThat(p).contains("not a JSON object"),
                p -> assertThat(p).contains("'type' is missing"),
                p -> assertThat(p).contains("unknown field 'source'"),
                p -> assertThat(p).contains("call me"),
                p -> assertThat(p).contains("'seen' is not an RFC 3339 timestamp"),
                p -> assertThat(p).contains("longer than " + ObservationIntake.MAX_LINE + " bytes"),
                p -> assertThat(p).contains("'indicator' is not a cyber-observable type"));
        assertThat(stored).hasSize(1);
    }

    @Test
    void aStreamOverTheSizeLimitIsReadUpToItAndSaysSo() throws IOException {
        String line = "{\"type\":\"domain-name\",\"value\":\"evil.example\"}\n";
        ObservationSummary summary = intake.take(new ByteArrayInputStream(line.repeat(10).getBytes(StandardCharsets.UTF_8)), line.length() * 3L);
        assertThat(summary.truncated()).isTrue();
        assertThat(summary.lines()).isEqualTo(3);
        assertThat(stored).singleElement().satisfies(o -> assertThat(o.getLast().get("count")).isEqualTo(3L));
    }

    @Test
    void anObservationBeforeTheIndicatorIsValidDoesNotMatch() throws IOException {
        ObservationSummary summary = take("{\"type\":\"domain-name\",\"value\":\"evil.example\",\"seen\":\"2025-06-01T00:00:00Z\"}\n");
        assertThat(summary.matched()).isZero();
        assertThat(stored).isEmpty();
    }

    @Test
    void aStreamOfSeveralBatchesWithHitsAndMissesGivesTheSightingsThatMatchingEachLineAloneGives() throws IOException {
        // Hits and misses of both indexed types, an SCO line and bad lines, spread over more than two batches.
        StringBuilder lines = new StringBuilder();
        Map<String, long[]> expected = new java.util.TreeMap<>(); // "indicator value" -> count, first, last (epoch seconds)
        int total = 2 * ObservationIntake.MATCH_BATCH + 300;
        for (int i = 0; i < total; i++) {
            String type = i % 2 == 0 ? "domain-name" : "x-entente-phone-number";
            String value = switch (i % 7) {
                case 0 -> i % 2 == 0 ? "evil.example" : "+4915112345678";
                case 3 -> i % 2 == 0 ? "EVIL.example." : "+49 151 1234 5678";
                default -> i % 2 == 0 ? "miss" + i + ".example" : "+4930" + (1000000 + i);
            };
            Instant seen = NOW.minusSeconds(total - i);
            if (i % 500 == 250) {
                lines.append("not json\n");
                continue;
            }
            String json = "{\"type\":\"" + type + "\",\"value\":\"" + value + "\",\"seen\":\"" + seen + "\"}";
            lines.append(json).append('\n');
            String normalised = ObservationLine.parse(json.getBytes(StandardCharsets.UTF_8), NOW).valueForm().orElseThrow();
            // What the intake answered before it batched: one matchValue per line.
            for (String indicatorId : indicators.matchValue(type, normalised, seen).indicatorIds()) {
                long[] c = expected.computeIfAbsent(indicatorId + " " + normalised, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                c[0]++;
                c[1] = Math.min(c[1], seen.getEpochSecond());
                c[2] = Math.max(c[2], seen.getEpochSecond());
            }
        }
        lines.append("{\"type\":\"url\",\"spec_version\":\"2.1\",\"id\":\"url--00000000-0000-5000-8000-000000000001\",")
                .append("\"value\":\"http://pay-parcel.example/login\"}\n");

        ObservationSummary summary = take(lines.toString());

        assertThat(expected).as("the stream hits both indicators").hasSize(2);
        assertThat(summary.rejected()).isEqualTo(total / 500 + (total % 500 > 250 ? 1 : 0));
        Map<String, long[]> got = new java.util.TreeMap<>();
        for (List<StixObject> hit : stored) {
            StixObject sighting = hit.getLast();
            if (hit.getFirst().type().equals("url")) continue;
            got.put(sighting.get("sighting_of_ref") + " " + hit.getFirst().get("value"), new long[] {(Long) sighting.get("count"),
                    Instant.parse((String) sighting.get("first_seen")).getEpochSecond(), Instant.parse((String) sighting.get("last_seen")).getEpochSecond()});
        }
        assertThat(got.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, c) -> assertThat(got.get(key)).as(key).containsExactly(c));
        assertThat(stored).as("and the SCO line, matched by the full matcher").anySatisfy(hit -> assertThat(hit.getFirst().type()).isEqualTo("url"));
        assertThat(summary.matched()).isEqualTo(expected.values().stream().mapToLong(c -> c[0]).sum() + 1);
    }

    ObservationSummary take(String lines) throws IOException {
        return intake.take(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), 1L << 20);
    }

    void hold(String id, String pattern) {
        Map<String, Object> indicator = StixJson.object("type", "indicator", "spec_version", "2.1", "id", id,
                "created", "2026-01-01T00:00:00.000Z", "modified", "2026-01-01T00:00:00.000Z",
                "pattern", pattern, "pattern_type", "stix", "valid_from", "2026-01-01T00:00:00Z");
        assertThat(indicators.apply(StixJson.toObject(indicator, "test"))).isTrue();
    }
}
