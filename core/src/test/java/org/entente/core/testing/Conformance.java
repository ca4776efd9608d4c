package org.entente.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;

/**
 * Finds the shared conformance data ({@code ../shared/conformance} beside the checkout). The build passes the
 * folder in the system property {@value #PROPERTY}; without it the folder is looked up relative to the project
 * root (the nearest parent folder holding {@code mvnw}). The folder is absent in a user's clone, so tests that
 * need it are skipped (JUnit assumption) with a message naming the folder, never passed silently.
 */
public final class Conformance {
    public static final String PROPERTY = "entente.conformance.dir";

    private Conformance() {}

    /** The conformance folder; skips the calling test when it does not exist. */
    public static Path folder() {
        Path folder = location();
        assumeTrue(Files.isDirectory(folder), () -> "conformance data folder " + folder
                + " is absent (set -D" + PROPERTY + "=...); skipping");
        return folder;
    }

    /** One file of the conformance folder; skips the calling test when it does not exist. */
    public static Path file(String name) {
        Path file = folder().resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "conformance file " + file + " is absent; skipping");
        return file;
    }

    /** A conformance file read as a plain JSON tree (the same tree types as StixObject uses). */
    public static Map<String, Object> json(String name) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) StixJson.readTree(Files.readAllBytes(file(name)));
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code cases} list that every conformance file has. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> cases(String name) {
        return (List<Map<String, Object>>) json(name).get("cases");
    }

    static Path location() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) {
                return p.resolve("../shared/conformance").normalize();
            }
        }
        return dir.resolve("../shared/conformance").normalize();
    }
}
