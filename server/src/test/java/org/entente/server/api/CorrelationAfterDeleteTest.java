package org.entente.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.federation.MemberProfile;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.CollectionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletes reach the correlation queries, over real HTTP: a TAXII DELETE (section 5.7) ends an object's holding. */
class CorrelationAfterDeleteTest {
    @TempDir
    Path dir;

    Node node;
    TaxiiClient admin;
    String objects;

    @BeforeEach
    void start() {
        node = Node.start(NodeConfig.local(dir, 0).withAdminToken("admin")
                .withProfile(new MemberProfile("national CERT", "DE", Level.STATE, "cyber")));
        admin = TaxiiClient.bearer(node.url(), "admin");
        objects = "/taxii2/node/collections/" + node.store().collections().find("default").map(CollectionInfo::id).orElseThrow() + "/objects/";
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void aDeletedObjectDisappearsFromWhoElseHasIt() {
        Map<String, Object> kept = phoneIndicator();
        Map<String, Object> deleted = phoneIndicator();
        TaxiiClient.Response posted = admin.post(objects, SampleObjects.envelope(kept, deleted));
        assertThat(posted.status()).as(posted.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> holders().size() == 2);

        TaxiiClient.Response delete = admin.delete(objects + deleted.get("id") + "/");
        assertThat(delete.status()).as(delete.text()).isEqualTo(200);

        // Same transaction as the delete: no indexer run needed before the next query.
        assertThat(holders()).containsExactly(kept.get("id"));
    }

    @SuppressWarnings("unchecked")
    private List<Object> holders() {
        TaxiiClient.Response r = admin.get("/api/v1/correlation/observables", Map.of("type", "x-entente-phone-number", "value", "+49 151 1234 5678"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return ((List<Map<String, Object>>) r.json().get("objects")).stream().map(o -> o.get("id")).toList();
    }

    private static Map<String, Object> phoneIndicator() {
        Map<String, Object> indicator = new LinkedHashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"));
        indicator.put("pattern", "[x-entente-phone-number:value = '+4915112345678']");
        return indicator;
    }
}
