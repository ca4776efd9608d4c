package org.entente.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.testing.SampleObjects.envelope;
import static org.entente.server.testing.SampleObjects.id;
import static org.entente.server.testing.SampleObjects.malware;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.access.PasswordHasher;
import org.entente.server.access.Tokens;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rights per collection and per user, enforced on every route. */
class TaxiiAccessTest {
    static final String ADMIN_TOKEN = "access-admin-token";
    static final String SECRET = "secret-collection";

    @TempDir
    static Path data;

    static Node node;
    static TaxiiClient admin;
    static TaxiiClient reader;
    static TaxiiClient outsider;

    @BeforeAll
    static void start() {
        node = Node.start(NodeConfig.local(data, 0).withAdminToken(ADMIN_TOKEN));
        node.store().collections().create(new CollectionInfo("5f0c7d1e-7f43-4c39-9d7c-1b3b3f5c2a11", "Secret", null, SECRET));
        var accounts = node.store().accounts();
        accounts.saveUser(new Account("reader", new PasswordHasher().hash("correct horse battery"), false));
        accounts.grant("reader", node.store().collections().find("default").orElseThrow().id(), true, false);
        accounts.saveUser(new Account("outsider", null, false));
        String outsiderToken = Tokens.generate();
        accounts.addToken(Tokens.digest(outsiderToken), "outsider", "test");
        admin = TaxiiClient.bearer(node.url(), ADMIN_TOKEN);
        reader = new TaxiiClient(node.url(), basic("reader", "correct horse battery"));
        outsider = TaxiiClient.bearer(node.url(), outsiderToken);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aReaderWithAPasswordMayReadButNotWrite() {
        assertThat(reader.get("/taxii2/node/collections/default/objects/").status()).isEqualTo(200);
        TaxiiClient.Response post = reader.post("/taxii2/node/collections/default/objects/", envelope(malware(id("malware"))));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().get("description").toString()).contains("write");
    }

    @Test
    void aWrongPasswordIsRefused() {
        TaxiiClient wrong = new TaxiiClient(node.url(), basic("reader", "wrong horse"));
        TaxiiClient.Response r = wrong.get("/taxii2/node/collections/default/objects/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("description")).isEqualTo("wrong user name or password");
    }

    @Test
    void aCollectionWithoutRightsLooksAbsentAndIsNotListed() {
        String path = "/taxii2/node/collections/" + SECRET + "/objects/";
        TaxiiClient.Response r = outsider.get(path);
        assertThat(r.status()).isEqualTo(404);
        assertThat(reader.get(path).status()).isEqualTo(404);
        assertThat(admin.get(path).status()).isEqualTo(200);
        assertThat(reader.get("/taxii2/node/collections/").text()).doesNotContain(SECRET).contains("default");
        assertThat(outsider.get("/taxii2/node/collections/").json()).doesNotContainKey("collections");
    }

    @Test
    void aStatusIsVisibleOnlyToWhoeverPosted() {
        Map<String, Object> status = admin.post("/taxii2/node/collections/default/objects/", envelope(malware(id("malware")))).json();
        String path = "/taxii2/node/status/" + status.get("id") + "/";
        assertThat(admin.get(path).status()).isEqualTo(200);
        assertThat(reader.get(path).status()).isEqualTo(404);
    }

    @Test
    void theCollectionResourceShowsTheCallersOwnRights() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> collections =
                (List<Map<String, Object>>) reader.get("/taxii2/node/collections/").json().get("collections");
        assertThat(collections).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("can_read", true).containsEntry("can_write", false));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
