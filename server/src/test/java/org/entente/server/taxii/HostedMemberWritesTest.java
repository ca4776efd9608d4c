package org.entente.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.access.Tokens;
import org.entente.server.federation.MemberProfile;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes of users bound to members hosted on a node, over real HTTP: what such a user writes (TAXII POST,
 * REST share) is labelled with its member as origin and the audience the write implies, so it reads its
 * own objects back under the per-object read policy, its audience reads them, nobody else does, and no
 * other member may change them. Writes never tell a hosted member of objects it may not see.
 *
 * <p>Members: the node's own, and hosted members A and B, both in community {@code fraud-wave} with the
 * node's member, and C outside it (C is in community {@code neighbours} with A). Every user may read and write the {@code default} collection and the
 * community's collection.
 */
class HostedMemberWritesTest {
    static final MemberId A = MemberId.ofPublicKey("hosted a".getBytes(StandardCharsets.UTF_8));
    static final MemberId B = MemberId.ofPublicKey("hosted b".getBytes(StandardCharsets.UTF_8));
    static final MemberId C = MemberId.ofPublicKey("hosted c".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    Node node;
    Store store;
    TaxiiClient admin;
    TaxiiClient a;
    TaxiiClient b;
    TaxiiClient c;
    String defaultObjects;
    String communityId;
    String communityObjects;

    @BeforeEach
    void start() {
        node = Node.start(NodeConfig.local(dir, 0).withAdminToken("admin")
                .withProfile(new MemberProfile("national CERT", "DE", Level.STATE, "cyber")));
        store = node.store();
        MemberId local = node.federation().identity().member();
        store.communities().save(new Community("fraud-wave", new Charter(Set.of(local, A, B), Set.of("cyber", "fraud"), Tlp.AMBER, false, false)));
        // A and C share another community: what A posts into fraud-wave must not reach C through it.
        store.communities().save(new Community("neighbours", new Charter(Set.of(local, A, C), Set.of(), Tlp.RED, false, false)));
        String defaultId = store.collections().find("default").map(CollectionInfo::id).orElseThrow();
        communityId = UUID.randomUUID().toString();
        store.collections().create(new CollectionInfo(communityId, "Shared through community fraud-wave", null, "c-fraud-wave"));
        admin = TaxiiClient.bearer(node.url(), "admin");
        a = user("a", A, defaultId, communityId);
        b = user("b", B, defaultId, communityId);
        c = user("c", C, defaultId, communityId);
        defaultObjects = "/taxii2/node/collections/" + defaultId + "/objects/";
        communityObjects = "/taxii2/c-fraud-wave/collections/" + communityId + "/objects/";
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void anObjectPostedIntoACommunityCollectionIsReadByItsWriterAndTheCommunityAndByNobodyElse() {
        String id = SampleObjects.id("indicator");
        Map<String, Object> indicator = SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z");

        assertThat(successes(a.post(communityObjects, SampleObjects.envelope(indicator)))).isEqualTo(1);

        assertThat(objectsOf(a.get(communityObjects + id + "/"))).containsExactly(indicator);
        assertThat(objectsOf(b.get(communityObjects + id + "/"))).containsExactly(indicator);
        assertThat(objectsOf(admin.get("/taxii2/node/collections/" + communityId + "/objects/" + id + "/"))).containsExactly(indicator);
        // C, outside the community, may read the collection through the node's root, yet not this object.
        TaxiiClient.Response outside = c.get("/taxii2/node/collections/" + communityId + "/objects/" + id + "/");
        assertThat(outside.status()).as(outside.text()).isEqualTo(404);
        assertThat(objectsOf(c.get("/taxii2/node/collections/" + communityId + "/objects/"))).isEmpty();
        assertThat(searchIds(c, id)).isEmpty();
        assertThat(searchIds(b, id)).containsExactly(id);
    }

    @Test
    void anObjectPostedIntoAPlainCollectionIsReadByItsWriterAndTheNodeOnly() {
        String id = SampleObjects.id("indicator");
        Map<String, Object> indicator = SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z");

        assertThat(successes(a.post(defaultObjects, SampleObjects.envelope(indicator)))).isEqualTo(1);

        assertThat(objectsOf(a.get(defaultObjects + id + "/"))).containsExactly(indicator);
        assertThat(objectsOf(a.get(defaultObjects))).containsExactly(indicator);
        assertThat(objectsOf(admin.get(defaultObjects + id + "/"))).containsExactly(indicator);
        assertThat(b.get(defaultObjects + id + "/").status()).isEqualTo(404);
        assertThat(objectsOf(b.get(defaultObjects))).isEmpty();
    }

    @Test
    void aMemberCannotChangeAnotherMembersObjectAndTheStoredVersionsStayAsTheyWere() {
        String id = SampleObjects.id("indicator");
        Map<String, Object> first = SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z");
        assertThat(successes(a.post(communityObjects, SampleObjects.envelope(first)))).isEqualTo(1);
        Map<String, Object> changed = new HashMap<>(SampleObjects.indicator(id, "2026-03-01T00:00:00.000Z"));
        changed.put("name", "B's rewrite");

        Map<String, Object> status = b.post(communityObjects, SampleObjects.envelope(changed)).json();

        assertThat(status.get("success_count")).isEqualTo(0);
        assertThat(failureMessages(status)).singleElement().asString()
                .contains(id).contains("another member is the origin of this object").contains("only its origin may change it");
        assertThat(objectsOf(admin.get("/taxii2/node/collections/" + communityId + "/objects/" + id + "/")))
                .containsExactly(first);
        assertThat(admin.get("/taxii2/node/collections/" + communityId + "/objects/" + id + "/versions/").json().get("versions"))
                .isEqualTo(List.of("2026-01-01T00:00:00.000Z"));
        assertThat(objectsOf(a.get(communityObjects + id + "/"))).containsExactly(first);
    }

    @Test
    void aMemberCannotChangeAnObjectOfTheNodesOwnMember() {
        String id = SampleObjects.id("indicator");
        Map<String, Object> own = SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z");
        assertThat(successes(admin.post(defaultObjects, SampleObjects.envelope(own)))).isEqualTo(1);

        Map<String, Object> status = a.post(defaultObjects, SampleObjects.envelope(SampleObjects.indicator(id, "2026-02-01T00:00:00.000Z"))).json();

        assertThat(failureMessages(status)).singleElement().asString().contains("only its origin may change it");
        assertThat(admin.get(defaultObjects + id + "/versions/").json().get("versions")).isEqualTo(List.of("2026-01-01T00:00:00.000Z"));
        assertThat(a.get(defaultObjects + id + "/").status()).isEqualTo(404);
    }

    @Test
    void aWriterThatIsNotInTheCommunityOfACollectionMayNotPostIntoItAndNothingIsStored() {
        String id = SampleObjects.id("indicator");

        TaxiiClient.Response r = c.post("/taxii2/node/collections/" + communityId + "/objects/",
                SampleObjects.envelope(SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z")));

        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(r.json().get("description").toString()).contains("fraud-wave").contains(C.value());
        assertThat(objectsOf(admin.get("/taxii2/node/collections/" + communityId + "/objects/"))).isEmpty();
    }

    @Test
    void anObjectMarkedAboveWhatTheCommunityCarriesIsRefusedNamingBothLevels() {
        Map<String, Object> red = new HashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"));
        red.put("object_marking_refs", List.of(Tlp.RED.markingId()));
        Map<String, Object> amber = new HashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"));
        amber.put("object_marking_refs", List.of(Tlp.AMBER.markingId()));

        Map<String, Object> status = a.post(communityObjects, SampleObjects.envelope(red, amber)).json();

        assertThat(status.get("success_count")).isEqualTo(1);
        assertThat(failureMessages(status)).singleElement().asString()
                .contains(red.get("id").toString()).contains("TLP:RED").contains("fraud-wave").contains("TLP:AMBER");
        assertThat(objectsOf(b.get(communityObjects))).containsExactly(amber);
    }

    @Test
    void aMemberSharesOverRestWithTheAudienceItNamesAndReadsItBack() {
        String id = SampleObjects.id("indicator");
        Map<String, Object> indicator = SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z");

        TaxiiClient.Response r = share(a, indicator, "{\"communities\":[\"fraud-wave\"]}");

        assertThat(r.status()).as(r.text()).isEqualTo(202);
        assertThat(r.json().get("shared")).isEqualTo(1);
        assertThat(r.json().get("envelopes")).isEqualTo(List.of());
        assertThat(objectsOf(a.get(defaultObjects + id + "/"))).containsExactly(indicator);
        assertThat(objectsOf(b.get(communityObjects + id + "/"))).containsExactly(indicator);
        assertThat(c.get(defaultObjects + id + "/").status()).isEqualTo(404);
        assertThat(searchIds(c, id)).isEmpty();
    }

    @Test
    void aMemberCannotShareAnotherMembersObjectOverRest() {
        String id = SampleObjects.id("indicator");
        Map<String, Object> indicator = SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z");
        assertThat(share(a, indicator, "{\"communities\":[\"fraud-wave\"]}").status()).isEqualTo(202);

        TaxiiClient.Response r = share(b, SampleObjects.indicator(id, "2026-05-01T00:00:00.000Z"), "{\"members\":[\"" + C.value() + "\"]}");

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("rejected").toString()).contains(id).contains("only its origin may change it");
        assertThat(c.get(defaultObjects + id + "/").status()).isEqualTo(404);
        assertThat(admin.get(defaultObjects + id + "/versions/").json().get("versions")).isEqualTo(List.of("2026-01-01T00:00:00.000Z"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void postingOrDeletingAnObjectItMayNotSeeAnswersAsIfItWereNotThere() {
        // A local object, never shared: the hosted member may not see it.
        String id = SampleObjects.id("indicator");
        Map<String, Object> envelope = SampleObjects.envelope(SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z"));
        assertThat(admin.post(defaultObjects, envelope).status()).isEqualTo(202);

        Map<String, Object> toAdmin = admin.post(defaultObjects, envelope).json();
        assertThat(((List<Map<String, Object>>) toAdmin.get("successes")).get(0).get("message")).asString().contains("already stored");
        Map<String, Object> toUnit = a.post(defaultObjects, envelope).json();
        assertThat(((List<Map<String, Object>>) toUnit.get("successes")).get(0)).doesNotContainKey("message");
        // Posting the same version changed nothing, and did not make it the poster's.
        assertThat(a.get(defaultObjects + id + "/").status()).isEqualTo(404);

        TaxiiClient.Response deleted = a.delete(defaultObjects + id + "/");
        String missing = SampleObjects.id("indicator");
        TaxiiClient.Response none = a.delete(defaultObjects + missing + "/");
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.text().replace(id, "ID")).isEqualTo(none.text().replace(missing, "ID"));
        assertThat(admin.get(defaultObjects + id + "/").status()).isEqualTo(200);
    }

    private TaxiiClient user(String name, MemberId member, String... collections) {
        store.accounts().saveUser(new Account(name, null, false, Optional.of(member)));
        String token = Tokens.generate();
        store.accounts().addToken(Tokens.digest(token), name, "test");
        for (String collection : collections) store.accounts().grant(name, collection, true, true);
        return TaxiiClient.bearer(node.url(), token);
    }

    private static TaxiiClient.Response share(TaxiiClient as, Map<String, Object> object, String to) {
        String body = "{\"objects\":[" + StixJson.writeString(object) + "],\"to\":" + to + ",\"tlp\":\"green\",\"domain\":\"fraud\"}";
        return as.send(as.request("/api/v1/share").POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    private static int successes(TaxiiClient.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        assertThat(r.json().get("failure_count")).as(r.text()).isEqualTo(0);
        return ((Number) r.json().get("success_count")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> failureMessages(Map<String, Object> status) {
        return ((List<Map<String, Object>>) status.get("failures")).stream().map(f -> f.get("message")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> objectsOf(TaxiiClient.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Object objects = r.json().get("objects");
        return objects == null ? List.of() : (List<Object>) objects;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> searchIds(TaxiiClient as, String id) {
        // Every sample indicator is named "phishing domain": the search finds those the user may see.
        TaxiiClient.Response r = as.get("/api/v1/objects?q=phishing");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Object objects = r.json().get("objects");
        return objects == null ? List.of()
                : ((List<Map<String, Object>>) objects).stream().map(o -> o.get("id")).filter(id::equals).toList();
    }
}
