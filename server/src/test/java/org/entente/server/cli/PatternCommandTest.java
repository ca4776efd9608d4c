package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.core.stix.codec.StixJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidPatternExitsZeroAndAnInvalidOneNamesThePosition() {
        assertThat(CliRun.of("pattern", "check", "[domain-name:value = 'example.com']").exit()).isZero();
        CliRun bad = CliRun.of("pattern", "check", "[domain-name:value = ]");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid pattern at position").contains("^");
    }

    @Test
    void matchPrintsTrueOrFalseWithTheExitCodeToMatch() throws Exception {
        Path file = dir.resolve("bundle.json");
        String domain = "domain-name--3c10e5d6-9d13-5ba1-8e2a-1c9b8f4f8c55";
        Files.write(file, StixJson.write(StixJson.object("type", "bundle", "id", "bundle--6c1f4f33-0b7e-4c3d-9d2c-6a1e8f2b9d01",
                "objects", List.of(
                        StixJson.object("type", "observed-data", "spec_version", "2.1",
                                "id", "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
                                "created", "2026-01-01T00:00:00.000Z", "modified", "2026-01-01T00:00:00.000Z",
                                "first_observed", "2026-01-01T00:00:00Z", "last_observed", "2026-01-01T00:00:00Z",
                                "number_observed", 1, "object_refs", List.of(domain)),
                        StixJson.object("type", "domain-name", "spec_version", "2.1", "id", domain, "value", "parcel-lure.example")))));

        CliRun hit = CliRun.of("pattern", "match", "[domain-name:value = 'parcel-lure.example']", file.toString());
        assertThat(hit.exit()).as(hit.err()).isZero();
        assertThat(hit.out().strip()).isEqualTo("true");
        CliRun miss = CliRun.of("pattern", "match", "[domain-name:value = 'other.example']", file.toString());
        assertThat(miss.exit()).isEqualTo(1);
        assertThat(miss.out().strip()).isEqualTo("false");
        assertThat(CliRun.of("pattern", "match", "[domain-name:value = 'x']", dir.resolve("missing.json").toString()).exit()).isEqualTo(2);
    }
}
