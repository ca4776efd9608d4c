package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.NodeSetup;
import org.entente.server.testing.SampleObjects;
import org.entente.store.ObjectQuery;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.StoredVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente observe} on a node's data directory: hits stored as sightings, misses not, bad lines named. */
class ObserveCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfObservationsIsMatchedAgainstTheStoredIndicatorsAndOnlyTheHitIsStored() throws Exception {
        Path data = dir.resolve("data");
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, StixJson.writeString(StixJson.object("type", "bundle", "id", SampleObjects.id("bundle"),
                "objects", List.of(indicator))));
        assertThat(CliRun.of("import", bundle.toString(), "--data", data.toString(), "--no-progress").exit()).isZero();
        Path observations = dir.resolve("dns.ndjson");
        Files.writeString(observations, """
                {"type":"domain-name","value":"parcel-redelivery.example","seen":"2026-11-24T10:00:00Z"}
                {"type":"domain-name","value":"harmless.example","seen":"2026-11-24T10:00:00Z"}
                {"type":"domain-name","value":"not a domain!"}
                """);

        CliRun run = CliRun.of("observe", observations.toString(), "--data", data.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("3 lines: 1 matched, 1 rejected; 1 sightings stored").contains("line 3:");
        try (Store s = StoreFactory.open(data, null)) {
            String collection = s.collections().find(NodeSetup.DEFAULT_COLLECTION).orElseThrow().id();
            List<StoredVersion> stored = s.objects().find(collection, ObjectQuery.all()).items();
            assertThat(stored).extracting(StoredVersion::type).containsExactlyInAnyOrder("indicator", "domain-name", "observed-data", "sighting");
            assertThat(stored).noneMatch(v -> v.json().contains("harmless.example"));
            assertThat(stored).filteredOn(v -> v.type().equals("sighting")).singleElement()
                    .satisfies(v -> assertThat(v.json()).contains((String) indicator.get("id")));
        }
    }

    @Test
    void aFormatOtherThanJsonLinesIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "domain-name,evil.example\n");
        CliRun run = CliRun.of("observe", file.toString(), "--format", "csv", "--data", dir.resolve("data").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("format 'csv' is not supported");
    }
}
