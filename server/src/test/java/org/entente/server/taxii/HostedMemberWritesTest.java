package org.entente.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.access.Tokens;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes of a user bound to a hosted member never tell it of objects it may not see. */
class HostedMemberWritesTest {
    static final MemberId HOSTED = MemberId.ofPublicKey("hosted".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void postingOrDeletingAnObjectItMayNotSeeAnswersAsIfItWereNotThere() {
        try (Node node = Node.start(NodeConfig.local(dir, 0).withAdminToken("admin"))) {
            Store store = node.store();
            String collection = store.collections().find("default").map(CollectionInfo::id).orElseThrow();
            store.accounts().saveUser(new Account("unit", null, false, Optional.of(HOSTED)));
            String token = Tokens.generate();
            store.accounts().addToken(Tokens.digest(token), "unit", "test");
            store.accounts().grant("unit", collection, true, true);
            TaxiiClient admin = TaxiiClient.bearer(node.url(), "admin");
            TaxiiClient unit = TaxiiClient.bearer(node.url(), token);
            String objects = "/taxii2/node/collections/" + collection + "/objects/";

            // A local object, never shared: the hosted member may not see it.
            String id = SampleObjects.id("indicator");
            Map<String, Object> envelope = SampleObjects.envelope(SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z"));
            assertThat(admin.post(objects, envelope).status()).isEqualTo(202);

            Map<String, Object> toAdmin = admin.post(objects, envelope).json();
            assertThat(((List<Map<String, Object>>) toAdmin.get("successes")).get(0).get("message")).asString().contains("already stored");
            Map<String, Object> toUnit = unit.post(objects, envelope).json();
            assertThat(((List<Map<String, Object>>) toUnit.get("successes")).get(0)).doesNotContainKey("message");

            TaxiiClient.Response deleted = unit.delete(objects + id + "/");
            String missing = SampleObjects.id("indicator");
            TaxiiClient.Response none = unit.delete(objects + missing + "/");
            assertThat(deleted.status()).isEqualTo(404);
            assertThat(deleted.text().replace(id, "ID")).isEqualTo(none.text().replace(missing, "ID"));
            assertThat(admin.get(objects + id + "/").status()).isEqualTo(200);
        }
    }
}
