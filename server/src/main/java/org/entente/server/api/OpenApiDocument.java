package org.entente.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3 description of the REST API, kept beside the code as a resource and served as it is. */
final class OpenApiDocument {
    static final String RESOURCE = "/openapi/entente-api.json";

    private OpenApiDocument() {}

    static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
