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
    void aFileIsStreamedToARunningNodeWithTheTokenFromTheNamedVariable() throws Exception {
        // HOME stands in for a variable holding the token: tests cannot set environment variables.
        String token = System.getenv("HOME");
        org.junit.jupiter.api.Assumptions.assumeTrue(token != null && !token.isBlank());
        try (org.entente.server.Node node = org.entente.server.Node.start(
                org.entente.server.NodeConfig.local(dir.resolve("running"), 0).withAdminToken(token))) {
            Path observations = Files.writeString(dir.resolve("urls.ndjson"),
                    "{\"type\":\"url\",\"value\":\"http://harmless.example/\"}\n{\"type\":\"url\"}\n");
            CliRun run = CliRun.of("observe", observations.toString(), "--url", node.url(), "--token-env", "HOME");
            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("\"lines\":2").contains("\"rejected\":1").contains("\"line\":2");
        }
        CliRun unset = CliRun.of("observe", dir.resolve("urls.ndjson").toString(), "--url", "http://127.0.0.1:9/",
                "--token-env", "ENTENTE_TEST_NO_SUCH_VARIABLE");
        assertThat(unset.exit()).isEqualTo(2);
        assertThat(unset.err()).contains("ENTENTE_TEST_NO_SUCH_VARIABLE is not set");
    }

    @Test
    void aFormatOtherThanJsonLinesIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "domain-name,evil.example\n");
        CliRun run = CliRun.of("observe", file.toString(), "--format", "csv", "--data", dir.resolve("data").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("format 'csv' is not supported");
    }
}
