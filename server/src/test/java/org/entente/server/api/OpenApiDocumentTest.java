package org.entente.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.TaxiiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiDocumentTest {
    @TempDir
    Path data;

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedPathIsServedByTheNode() {
        try (Node node = Node.start(NodeConfig.local(data, 0).withAdminToken("t"))) {
            TaxiiClient api = TaxiiClient.bearer(node.url(), "t");
            TaxiiClient.Response doc = api.get("/api/v1/openapi.json");
            assertThat(doc.status()).isEqualTo(200);
            Map<String, Object> json = doc.json();
            assertThat(json.get("openapi")).isEqualTo("3.1.0");
            Map<String, Object> paths = (Map<String, Object>) json.get("paths");
            assertThat(paths).containsKeys("/node", "/members", "/communities", "/communities/{name}", "/peers", "/share", "/warnings",
                    "/warnings/{id}", "/warnings/{id}/ack", "/warnings/stream",
                    "/correlation/observables", "/correlation/objects/{id}/neighbourhood", "/correlation/clusters", "/observations");
            for (String path : paths.keySet()) {
                String concrete = path.replace("{member}", "identity--00000000-0000-5000-8000-000000000000")
                        .replaceAll("\\{[a-z]+}", "nosuch");
                TaxiiClient.Response r = api.get("/api/v1" + concrete);
                // A documented path exists: it may refuse GET (405), find nothing (404 with a detail), want
                // required query parameters (400) or another media type (406: the event stream), but it is routed.
                assertThat(r.text()).as(path).doesNotContain("Endpoint GET");
                assertThat(r.status()).as(path).isIn(200, 400, 404, 405, 406);
            }
        }
    }
}
