package org.entente.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.testing.SampleObjects.envelope;
import static org.entente.server.testing.SampleObjects.id;
import static org.entente.server.testing.SampleObjects.indicator;
import static org.entente.server.testing.SampleObjects.malware;
import static org.entente.server.testing.SampleObjects.relationship;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.TaxiiClient;
import org.entente.server.testing.TaxiiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a real node over real HTTP on loopback: what is written is what is read, by every route. Runs
 * once per store: {@link TaxiiOnSqliteTest} and {@link TaxiiOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaxiiEndToEndContract {
    static final String TOKEN = "end-to-end-admin-token";
    static final String ROOT = "/taxii2/node";
    static final String OBJECTS = ROOT + "/collections/default/objects/";

    Node node;
    NodeConfig config;
    TaxiiClient taxii;

    /** The node's configuration; a JDBC URL chooses the store. */
    abstract NodeConfig config(Path data);

    @BeforeAll
    void start(@TempDir Path data) {
        config = config(data).withAdminToken(TOKEN);
        node = Node.start(config);
        taxii = TaxiiClient.bearer(node.url(), TOKEN);
    }

    @AfterAll
    void stop() {
        node.close();
        afterNodeStopped();
    }

    /** Releases what {@link #config} started, once the node no longer uses it. */
    void afterNodeStopped() {}

    @Test
    void postedBundleIsReadBackWithEveryFilterAcrossPages() {
        String indicatorId = id("indicator");
        String malwareId = id("malware");
        Map<String, Object> v1 = indicator(indicatorId, "2026-01-01T00:00:00.000Z");
        Map<String, Object> v2 = indicator(indicatorId, "2026-02-01T00:00:00.000Z");
        Map<String, Object> v3 = indicator(indicatorId, "2026-03-01T00:00:00.000Z");
        Map<String, Object> rel = relationship(indicatorId, malwareId);
        String collection = "/taxii2/node/collections/" + newCollection() + "/";

        Response posted = taxii.post(collection + "objects/", envelope(v1, v2, v3, malware(malwareId), rel));
        assertThat(posted.status()).isEqualTo(202);
        assertThat(posted.header("Content-Type")).startsWith("application/taxii+json");
        Map<String, Object> status = posted.json();
        assertThat(status).containsEntry("status", "complete").containsEntry("total_count", 5)
                .containsEntry("success_count", 5).containsEntry("failure_count", 0);

        Response polled = taxii.get(ROOT + "/status/" + status.get("id") + "/");
        assertThat(polled.status()).isEqualTo(200);
        assertThat(polled.json()).isEqualTo(status);

        // Default: the last version of each object.
        List<Map<String, Object>> latest = objects(taxii.get(collection + "objects/"));
        assertThat(latest).extracting(o -> o.get("id")).containsExactlyInAnyOrder(indicatorId, malwareId, rel.get("id"));
        assertThat(latest).filteredOn(o -> o.get("id").equals(indicatorId)).singleElement().isEqualTo(v3);

        assertThat(objects(taxii.get(collection + "objects/", Map.of("match[version]", "all")))).hasSize(5);
        assertThat(objects(taxii.get(collection + "objects/", Map.of("match[version]", "first", "match[id]", indicatorId))))
                .containsExactly(v1);
        assertThat(objects(taxii.get(collection + "objects/", Map.of("match[version]", "2026-02-01T00:00:00.000Z"))))
                .containsExactly(v2);
        assertThat(objects(taxii.get(collection + "objects/", Map.of("match[type]", "malware,relationship"))))
                .extracting(o -> o.get("type")).containsExactlyInAnyOrder("malware", "relationship");
        assertThat(objects(taxii.get(collection + "objects/", Map.of("match[spec_version]", "2.0")))).isEmpty();

        // Paging with limit=2 over all five versions: complete, no repeats, more/next consistent.
        List<Map<String, Object>> paged = new ArrayList<>();
        Map<String, String> query = new java.util.HashMap<>(Map.of("match[version]", "all", "limit", "2"));
        int pages = 0;
        while (true) {
            Response page = taxii.get(collection + "objects/", query);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-TAXII-Date-Added-First")).isNotNull();
            paged.addAll(objects(page));
            pages++;
            if (!(Boolean) page.json().get("more")) break;
            query.put("next", (String) page.json().get("next"));
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).hasSize(5).containsExactlyInAnyOrder(v1, v2, v3, malware(malwareId), rel);

        // Versions and manifest agree with what was written.
        Response versions = taxii.get(collection + "objects/" + indicatorId + "/versions/");
        assertThat(versions.json().get("versions")).isEqualTo(List.of(
                "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> manifest = (List<Map<String, Object>>)
                taxii.get(collection + "manifest/", Map.of("match[version]", "all")).json().get("objects");
        assertThat(manifest).hasSize(5);
        assertThat(manifest).filteredOn(m -> m.get("id").equals(indicatorId)).extracting(m -> m.get("version"))
                .containsExactlyInAnyOrder("2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z");
        assertThat(manifest).allSatisfy(m -> assertThat(m.get("media_type")).isEqualTo("application/stix+json;version=2.1"));

        // added_after: after the last date_added nothing is left; after the first, everything later.
        String last = (String) manifest.get(manifest.size() - 1).get("date_added");
        assertThat(objects(taxii.get(collection + "objects/", Map.of("added_after", last)))).isEmpty();

        // Object by id, then delete one version and see the rest.
        assertThat(objects(taxii.get(collection + "objects/" + indicatorId + "/"))).containsExactly(v3);
        assertThat(taxii.delete(collection + "objects/" + indicatorId + "/?match%5Bversion%5D=2026-03-01T00:00:00.000Z").status())
                .isEqualTo(200);
        assertThat(objects(taxii.get(collection + "objects/" + indicatorId + "/"))).containsExactly(v2);
    }

    @Test
    void aPageReadAgainShowsWhatAnotherProcessWroteMeanwhile() {
        String collection = "/taxii2/node/collections/" + newCollection() + "/";
        Map<String, Object> first = malware(id("malware"));
        taxii.post(collection + "objects/", envelope(first));
        assertThat(objects(taxii.get(collection + "objects/"))).containsExactly(first);
        assertThat(objects(taxii.get(collection + "objects/"))).containsExactly(first);

        // A second store on the same database stands for the CLI or another node writing beside this one.
        Map<String, Object> second = malware(id("malware"));
        try (var other = org.entente.store.StoreFactory.open(config.dataDir(), config.dbUrl())) {
            String id = other.collections().find(collection.split("/")[4]).orElseThrow().id();
            other.objects().write(id, List.of(new org.entente.store.NewVersion((String) second.get("id"), "malware", "2.1",
                    java.time.Instant.parse("2026-01-02T00:00:00Z"), org.entente.core.stix.codec.StixJson.writeString(second))));
        }
        assertThat(objects(taxii.get(collection + "objects/"))).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void postingTheSameBundleTwiceStoresEachVersionOnce() {
        String collection = "/taxii2/node/collections/" + newCollection() + "/";
        Map<String, Object> body = envelope(indicator(id("indicator"), "2026-01-01T00:00:00.000Z"));
        taxii.post(collection + "objects/", body);
        Response again = taxii.post(collection + "objects/", body);
        assertThat(again.json()).containsEntry("success_count", 1);
        assertThat(objects(taxii.get(collection + "objects/", Map.of("match[version]", "all")))).hasSize(1);
    }

    @Test
    void invalidObjectsAreRejectedByNameWhileValidOnesAreStored() {
        String collection = "/taxii2/node/collections/" + newCollection() + "/";
        Map<String, Object> noPattern = new java.util.LinkedHashMap<>(indicator(id("indicator"), "2026-01-01T00:00:00.000Z"));
        noPattern.remove("pattern");
        Map<String, Object> good = malware(id("malware"));
        Response r = taxii.post(collection + "objects/", envelope(noPattern, good, "not an object"));
        assertThat(r.status()).isEqualTo(202);
        Map<String, Object> status = r.json();
        assertThat(status).containsEntry("success_count", 1).containsEntry("failure_count", 2);
        assertThat(status.get("failures").toString()).contains((String) noPattern.get("id")).contains("pattern")
                .contains("objects[2]");
        assertThat(objects(taxii.get(collection + "objects/"))).containsExactly(good);
    }

    @Test
    void malformedJsonIsRefusedAndStoresNothing() {
        String collection = "/taxii2/node/collections/" + newCollection() + "/";
        String valid = new String(org.entente.core.stix.codec.StixJson.write(envelope(malware(id("malware")))));
        Response r = taxii.post(collection + "objects/", valid.substring(0, valid.length() - 3).getBytes(), TaxiiClient.TAXII);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("description").toString()).contains("malformed JSON");
        assertThat(objects(taxii.get(collection + "objects/"))).isEmpty();
    }

    @Test
    void requestsThatBreakTheProtocolGetTheRightStatusAndAClearMessage() {
        Map<String, Object> body = envelope(malware(id("malware")));
        byte[] bytes = org.entente.core.stix.codec.StixJson.write(body);

        Response wrongType = taxii.post(OBJECTS, bytes, "application/json");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("description").toString()).contains("application/taxii+json");

        Response noAuth = taxii.as(null).get(OBJECTS);
        assertThat(noAuth.status()).isEqualTo(401);
        assertThat(noAuth.header("WWW-Authenticate")).contains("Basic");

        assertThat(taxii.as("Bearer wrong").get(OBJECTS).json().get("description")).isEqualTo("unknown bearer token");
        assertThat(taxii.as("Basic !!!").get(OBJECTS).status()).isEqualTo(401);

        Response unknown = taxii.get(ROOT + "/collections/no-such-collection/objects/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("description").toString()).contains("no-such-collection");
        assertThat(taxii.get("/taxii2/other-root/").status()).isEqualTo(404);

        Response notAcceptable = taxii.send(taxii.request(OBJECTS).GET().header("Accept", "text/html"));
        assertThat(notAcceptable.status()).isEqualTo(406);

        Response badLimit = taxii.get(OBJECTS, Map.of("limit", "-20"));
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("description").toString()).contains("limit");
        assertThat(taxii.get(OBJECTS, Map.of("added_after", "yesterday")).status()).isEqualTo(400);
        assertThat(taxii.get(OBJECTS, Map.of("match[colour]", "red")).json().get("description").toString())
                .contains("match[colour]");

        Response noObjects = taxii.post(OBJECTS, Map.of("items", List.of()));
        assertThat(noObjects.status()).isEqualTo(422);

        // The node is still up and serving.
        assertThat(taxii.get(ROOT + "/").status()).isEqualTo(200);
    }

    @Test
    void oversizeBodiesAreRefusedWithTheLimitNamed(@TempDir Path small) {
        try (Node tiny = Node.start(NodeConfig.local(small, 0).withAdminToken(TOKEN).withMaxContentLength(1024))) {
            TaxiiClient client = TaxiiClient.bearer(tiny.url(), TOKEN);
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < 20; i++) many.add(malware(id("malware")));
            Response r = client.post(OBJECTS, Map.of("objects", many));
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().get("description").toString()).contains("1024");
            assertThat(objects(client.get(OBJECTS))).isEmpty();
            assertThat(client.get(ROOT + "/").json()).containsEntry("max_content_length", 1024);
        }
    }

    @Test
    void discoveryAndApiRootDescribeTheNode() {
        Map<String, Object> discovery = taxii.get("/taxii2/").json();
        assertThat(discovery.get("api_roots").toString()).contains("/taxii2/node/");
        Map<String, Object> root = taxii.get(ROOT + "/").json();
        assertThat(root.get("versions")).isEqualTo(List.of(TaxiiClient.TAXII));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> collections = (List<Map<String, Object>>) taxii.get(ROOT + "/collections/").json().get("collections");
        assertThat(collections).anySatisfy(c -> assertThat(c).containsEntry("alias", "default")
                .containsEntry("can_read", true).containsEntry("can_write", true));
    }

    @Test
    void healthAndMetricsAreServed() {
        assertThat(taxii.get("/healthz").text()).contains("ok");
        taxii.get(ROOT + "/");
        String metrics = taxii.get("/metrics").text();
        assertThat(metrics).contains("entente_http_requests_seconds_count").contains("entente_objects_stored");
    }

    private final Set<String> made = new HashSet<>();

    /** A fresh collection per test, so tests do not see each other's objects. */
    String newCollection() {
        String alias = "c" + made.size() + "-" + System.nanoTime();
        made.add(alias);
        node.store().collections().create(new org.entente.store.CollectionInfo(
                java.util.UUID.randomUUID().toString(), alias, null, alias));
        return alias;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Object objects = r.json().get("objects");
        return objects == null ? List.of() : (List<Map<String, Object>>) objects;
    }
}
