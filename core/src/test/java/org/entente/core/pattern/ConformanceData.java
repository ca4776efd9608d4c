package org.entente.core.pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;

/**
 * Finds and reads the shared conformance files. The folder comes from the system property
 * {@code entente.conformance.dir} (set by the parent POM's surefire configuration), else
 * {@code ../shared/conformance} beside the project; when it is absent the calling test is skipped, not failed.
 */
final class ConformanceData {
    private ConformanceData() {}

    static Path folder() {
        String configured = System.getProperty("entente.conformance.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) return Path.of(configured);
        // Surefire runs in the module directory (core/); the project root is one level up.
        for (Path root : List.of(Path.of(".."), Path.of("."))) {
            Path candidate = root.resolve("../shared/conformance").normalize();
            if (Files.isDirectory(candidate)) return candidate;
        }
        return Path.of(configured != null ? configured : "../shared/conformance");
    }

    /** The parsed JSON of one conformance file; skips the test when the folder or file is missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String fileName) {
        Path file = folder().resolve(fileName);
        assumeTrue(Files.isRegularFile(file),
                () -> "conformance data not found: " + file.toAbsolutePath() + " (folder ../shared/conformance)");
        try {
            return (Map<String, Object>) StixJson.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(Map<String, Object> document) {
        return (List<Map<String, Object>>) document.get("cases");
    }
}
