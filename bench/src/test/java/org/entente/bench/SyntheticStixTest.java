package org.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.Violation;
import org.entente.core.stix.codec.BundleReader;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark data must be what a real feed is: valid STIX 2.1 that the streaming reader accepts. */
class SyntheticStixTest {
    @Test
    void generatedBundleIsValidAndHoldsEveryObject(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bundle.json");
        BundleGenerator.write(2_000, file, 42);

        int count = 0;
        Set<String> ids = new HashSet<>();
        Set<String> types = new HashSet<>();
        try (InputStream in = Files.newInputStream(file); BundleReader reader = StixJson.openBundle(in)) {
            for (Element e = reader.next().orElse(null); e != null; e = reader.next().orElse(null)) {
                assertThat(e.ok()).as(e.error()).isTrue();
                assertThat(StixValidator.stix21().validate(e.object())).filteredOn(Violation::isError).isEmpty();
                ids.add(e.object().id());
                types.add(e.object().type());
                count++;
            }
        }
        assertThat(count).isEqualTo(2_000);
        assertThat(types).containsExactlyInAnyOrder("identity", "indicator", "malware", "relationship", "sighting");
        // One object in 20 is a later version of an earlier indicator.
        assertThat(ids).hasSizeLessThan(2_000).hasSizeGreaterThan(1_850);
    }
}
