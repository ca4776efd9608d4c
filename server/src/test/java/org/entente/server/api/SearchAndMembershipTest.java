package org.entente.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.access.Tokens;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST search ({@code GET /api/v1/objects}) and what members and communities a member-bound user is shown. */
class SearchAndMembershipTest {
    static final String ADMIN = "admin-token";
    static final MemberId HOSTED = member("hosted unit");
    static final MemberId OTHER = member("other member");
    static final MemberId SECRET = member("secret member");

    @TempDir
    Path dir;
    Node node;
    Store store;
    MemberId local;
    String defaultCollection;

    static MemberId member(String name) {
        return MemberId.ofPublicKey(name.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void start() {
        node = Node.start(NodeConfig.local(dir, 0).withAdminToken(ADMIN));
        store = node.store();
        local = node.federation().identity().member();
        defaultCollection = store.collections().find("default").map(CollectionInfo::id).orElseThrow();
        for (MemberId m : List.of(HOSTED, OTHER, SECRET)) store.members().save(new Member(m, "member " + m, "DE", Level.SECTORAL, "finance"));
        store.communities().save(new Community("open", new Charter(Set.of(local, HOSTED, OTHER), Set.of(), Tlp.AMBER, false, false)));
        store.communities().save(new Community("closed", new Charter(Set.of(local, HOSTED, SECRET), Set.of(), Tlp.AMBER, false, true)));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    TaxiiClient admin() {
        return TaxiiClient.bearer(node.url(), ADMIN);
    }

    TaxiiClient user(String name, Optional<MemberId> member) {
        store.accounts().saveUser(new Account(name, null, false, member));
        String token = Tokens.generate();
        store.accounts().addToken(Tokens.digest(token), name, "test");
        store.collections().list().forEach(c -> store.accounts().grant(name, c.id(), true, false));
        return TaxiiClient.bearer(node.url(), token);
    }

    void put(String collectionId, String json, Instant version, SharingLabels labels) {
        Map<?, ?> tree = (Map<?, ?>) StixJson.readTree(json.getBytes(StandardCharsets.UTF_8));
        String id = (String) tree.get("id");
        store.objects().write(collectionId, List.of(new NewVersion(id, (String) tree.get("type"), "2.1", version, json)));
        if (labels != null) store.shares().record(List.of(new Share(id, version, "envelope-" + id, labels)));
    }

    static TaxiiClient.Response get(TaxiiClient client, String path) {
        return client.send(client.request(path).GET());
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(TaxiiClient.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return ((List<Map<String, Object>>) r.json().get("objects")).stream().map(o -> (String) o.get("id")).toList();
    }

    @Test
    void aLooselyTypedObservableFindsTheObjectsThatCarryIt() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        put(defaultCollection, "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--1\",\"value\":\"example.com\"}", null, null);
        put(defaultCollection, "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--1\",\"modified\":\"" + t
                + "\",\"name\":\"C2\",\"pattern\":\"[domain-name:value = 'example.com']\"}", t, null);
        put(defaultCollection, "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--2\",\"value\":\"example.org\"}", null, null);

        assertThat(ids(get(admin(), "/api/v1/objects?q=EXAMPLE.com."))).containsExactly("domain-name--1", "indicator--1");
        assertThat(ids(get(admin(), "/api/v1/objects?q=EXAMPLE.com.&type=domain-name"))).containsExactly("domain-name--1");
        assertThat(ids(get(admin(), "/api/v1/objects?q=c2"))).containsExactly("indicator--1");
        assertThat(ids(get(admin(), "/api/v1/objects"))).containsExactly("domain-name--1", "indicator--1", "domain-name--2");
    }

    @Test
    void aHostedMemberFindsOnlyWhatThePolicyLetsItReceiveAndItsPagesNeverSayMoreEmpty() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SharingLabels toOpen = SharingLabels.of(local, Distribution.toCommunities("open"), Tlp.GREEN, "cyber");
        SharingLabels toOther = SharingLabels.of(local, Distribution.toMembers(OTHER), Tlp.RED, "cyber");
        for (int i = 0; i < 12; i++) {
            SharingLabels labels = i % 3 == 0 ? toOpen : i % 3 == 1 ? toOther : null;
            put(defaultCollection, "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + i + "\",\"modified\":\""
                    + t + "\",\"name\":\"wave " + i + "\"}", t, labels);
        }
        TaxiiClient hosted = user("unit", Optional.of(HOSTED));
        List<String> seen = new java.util.ArrayList<>();
        String next = null;
        do {
            TaxiiClient.Response r = get(hosted, "/api/v1/objects?q=WAVE&limit=2" + (next == null ? "" : "&next=" + next));
            List<String> page = ids(r);
            seen.addAll(page);
            next = (String) r.json().get("next");
            if (Boolean.TRUE.equals(r.json().get("more"))) assertThat(page).isNotEmpty();
        } while (next != null);
        assertThat(seen).containsExactly("indicator--0", "indicator--3", "indicator--6", "indicator--9");
        assertThat(ids(get(user("staff", Optional.empty()), "/api/v1/objects?q=wave&limit=1000"))).hasSize(12);
    }

    @Test
    void badSearchParametersAreProblemsNamingThem() {
        TaxiiClient api = admin();
        Map<String, String> cases = Map.of(
                "/api/v1/objects?q=%20", "q must not be blank",
                "/api/v1/objects?limit=0", "limit must be a positive integer",
                "/api/v1/objects?limit=ten", "limit must be a positive integer",
                "/api/v1/objects?next=-4", "next must be a value returned",
                "/api/v1/objects?type=Indicator!", "'Indicator!' is not one",
                "/api/v1/objects?colour=red", "unknown parameter 'colour'",
                "/api/v1/objects?q=a&q=b", "parameter q is given more than once",
                "/api/v1/objects?q=" + "x".repeat(300), "q is longer than 256");
        cases.forEach((path, detail) -> {
            TaxiiClient.Response r = get(api, path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat((String) r.json().get("detail")).as(path).contains(detail);
        });
        TaxiiClient.Response anonymous = get(new TaxiiClient(node.url(), null), "/api/v1/objects");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aCommunityTheUserIsNotInIsNotFoundLikeOneThatDoesNotExist() {
        store.communities().save(new Community("elsewhere", new Charter(Set.of(local, OTHER), Set.of(), Tlp.AMBER, false, false)));
        TaxiiClient hosted = user("unit", Optional.of(HOSTED));
        TaxiiClient.Response notIn = get(hosted, "/api/v1/objects?community=elsewhere");
        TaxiiClient.Response none = get(hosted, "/api/v1/objects?community=nowhere");
        assertThat(notIn.status()).isEqualTo(404);
        assertThat(notIn.text().replace("elsewhere", "X")).isEqualTo(none.text().replace("nowhere", "X"));
        assertThat(get(hosted, "/api/v1/objects?community=open").status()).isEqualTo(200);
        assertThat(get(hosted, "/api/v1/communities/elsewhere").status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void membersOfAHiddenCommunityDoNotSeeWhoElseIsInItButAdminsDo() {
        TaxiiClient hosted = user("unit", Optional.of(HOSTED));

        Map<String, Object> closed = get(hosted, "/api/v1/communities/closed").json();
        assertThat(closed).doesNotContainKeys("members", "member_count");
        Map<String, Object> open = get(hosted, "/api/v1/communities/open").json();
        assertThat((List<String>) open.get("members")).contains(OTHER.value());
        List<Map<String, Object>> listed = (List<Map<String, Object>>) get(hosted, "/api/v1/communities").json().get("communities");
        assertThat(listed).extracting(c -> c.get("name")).containsExactlyInAnyOrder("open", "closed");
        assertThat(listed).filteredOn(c -> c.get("name").equals("closed")).allMatch(c -> !c.containsKey("members"));

        List<Map<String, Object>> members = (List<Map<String, Object>>) get(hosted, "/api/v1/members").json().get("members");
        assertThat(members).extracting(m -> m.get("id")).contains(HOSTED.value(), OTHER.value()).doesNotContain(SECRET.value());

        // The secret member is in the hidden community only: it learns of nobody but itself and the node.
        TaxiiClient secret = user("secret", Optional.of(SECRET));
        List<Map<String, Object>> seenBySecret = (List<Map<String, Object>>) get(secret, "/api/v1/members").json().get("members");
        assertThat(seenBySecret).extracting(m -> m.get("id")).doesNotContain(HOSTED.value(), OTHER.value()).contains(SECRET.value());
        List<Map<String, Object>> itsCommunities = (List<Map<String, Object>>) get(secret, "/api/v1/communities").json().get("communities");
        assertThat(itsCommunities).extracting(c -> c.get("name")).containsExactly("closed");

        assertThat((List<String>) get(admin(), "/api/v1/communities/closed").json().get("members"))
                .contains(HOSTED.value(), SECRET.value());
        List<Map<String, Object>> all = (List<Map<String, Object>>) get(admin(), "/api/v1/members").json().get("members");
        assertThat(all).extracting(m -> m.get("id")).contains(HOSTED.value(), OTHER.value(), SECRET.value());
    }
}
