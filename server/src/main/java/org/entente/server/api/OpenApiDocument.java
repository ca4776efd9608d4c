package org.entente.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;

/**
 * The OpenAPI 3 description of the REST API, kept beside the code as resources: the main document and one
 * fragment per group of endpoints (its {@code paths} and {@code components.schemas}), merged once at start,
 * so that each group documents itself in its own file.
 */
final class OpenApiDocument {
    static final String RESOURCE = "/openapi/entente-api.json";
    /** Fragments merged into the main document, each holding {@code paths} and optionally {@code components.schemas}. */
    static final List<String> FRAGMENTS = List.of("/openapi/correlation.json", "/openapi/observations.json");

    private OpenApiDocument() {}

    static byte[] load() {
        Map<String, Object> document = read(RESOURCE);
        for (String fragment : FRAGMENTS) merge(document, read(fragment), fragment);
        return StixJson.write(document);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> document, Map<String, Object> fragment, String name) {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (Map.Entry<String, Object> path : ((Map<String, Object>) fragment.getOrDefault("paths", Map.of())).entrySet()) {
            if (paths.putIfAbsent(path.getKey(), path.getValue()) != null) {
                throw new IllegalStateException(name + " documents path " + path.getKey() + " a second time");
            }
        }
        Map<String, Object> components = (Map<String, Object>) fragment.getOrDefault("components", Map.of());
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        schemas.putAll((Map<String, Object>) components.getOrDefault("schemas", Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String resource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return deepCopy((Map<String, Object>) StixJson.readTree(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
