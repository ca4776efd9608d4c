package org.entente.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.federation.MemberProfile;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;

/**
 * Random communities and random writes by users bound to hosted members, over real HTTP: TAXII POSTs into
 * the node's {@code default} collection or a community's collection (marked with a TLP or not) and REST
 * shares to random audiences, then attempts by other members to change those objects. Each member then
 * finds, by search, exactly the objects the policy lets it receive under the labels its write implies
 * (its own always); every attempt to change another member's object is refused, and its versions stay.
 */
class MemberWritesRespectPolicyProperties {
    static final String TOKEN = "member-writes-admin";
    /** Member 0 is the node's own; 1 to 3 are hosted members that write. */
    static final int MEMBERS = 4;
    static final AtomicInteger TRIES = new AtomicInteger();

    static Path dir;
    static Node node;
    static MemberId local;

    @BeforeContainer
    static void startNode() throws Exception {
        dir = Files.createTempDirectory("entente-member-writes-");
        node = Node.start(NodeConfig.local(dir, 0).withAdminToken(TOKEN)
                .withProfile(new MemberProfile("national CERT", "DE", Level.STATE, "cyber")));
        local = node.federation().identity().member();
    }

    @AfterContainer
    static void stopNode() {
        if (node != null) node.close();
    }

    enum Kind { POST_DEFAULT, POST_COMMUNITY, SHARE }

    /** One write: who, how, into which community (posts) or to whom (shares), at which TLP (absent: unmarked). */
    record Write(int writer, Kind kind, int community, Set<Integer> named, Set<Integer> communities, Optional<Tlp> tlp,
                 String domain) {}

    /** An attempt by {@code writer} to put a new version of the object of write {@code target}. */
    record Change(int writer, int target) {}

    record World(List<Charter> charters, List<Write> writes, List<Change> changes) {}

    @Provide
    Arbitrary<World> worlds() {
        // Communities of two or more, so that members overlap and an audience too wide or too narrow shows.
        Arbitrary<Set<Integer>> memberSets = Arbitraries.integers().between(0, MEMBERS - 1).set().ofMinSize(2).ofMaxSize(MEMBERS);
        Arbitrary<Charter> charters = Combinators.combine(memberSets, Arbitraries.of("cyber", "fraud").set().ofMaxSize(2),
                        Arbitraries.of(Tlp.class))
                .as((m, d, tlp) -> new Charter(ReadPathsRespectPolicyProperties.placeholders(m), d, tlp, false, false));
        Arbitrary<Write> writes = Combinators.combine(Arbitraries.integers().between(1, MEMBERS - 1), Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, MEMBERS - 1).set().ofMaxSize(2),
                        Arbitraries.integers().between(0, 1).set().ofMaxSize(2), Arbitraries.of(Tlp.class).optional(0.3),
                        Arbitraries.of("cyber", "fraud"))
                .as(Write::new);
        Arbitrary<Change> changes = Combinators.combine(Arbitraries.integers().between(1, MEMBERS - 1), Arbitraries.integers().between(0, 7))
                .as(Change::new);
        return Combinators.combine(charters.list().ofSize(2), writes.list().ofMinSize(2).ofMaxSize(8), changes.list().ofMaxSize(3))
                .as(World::new);
    }

    /** A write that was stored: its object, where it went and the labels its write implies. */
    record Written(String id, int writer, String collectionPath, SharingLabels labels) {}

    @Property(tries = 15)
    void everyMemberFindsExactlyWhatTheLabelsOfItsWritesAllowAndNobodyChangesAnotherMembersObject(@ForAll("worlds") World world) {
        int attempt = TRIES.incrementAndGet();
        String marker = "wq" + attempt + "q";
        Store store = node.store();
        List<MemberId> members = new ArrayList<>();
        members.add(local);
        for (int i = 1; i < MEMBERS; i++) members.add(MemberId.ofPublicKey((marker + "-member-" + i).getBytes(StandardCharsets.UTF_8)));
        List<Community> communities = new ArrayList<>();
        List<String> communityCollections = new ArrayList<>();
        for (int i = 0; i < world.charters().size(); i++) {
            Charter ch = world.charters().get(i);
            Community c = new Community(marker + "-" + i, new Charter(ReadPathsRespectPolicyProperties.real(ch.members(), members), ch.domains(), ch.highestTlp(), false, false));
            store.communities().save(c);
            communities.add(c);
            String id = UUID.randomUUID().toString();
            store.collections().create(new CollectionInfo(id, "community " + c.name(), null, "c-" + c.name()));
            communityCollections.add(id);
        }
        String defaultCollection = store.collections().find("default").map(CollectionInfo::id).orElseThrow();
        List<TaxiiClient> users = new ArrayList<>();
        users.add(TaxiiClient.bearer(node.url(), TOKEN));
        for (int m = 1; m < MEMBERS; m++) {
            List<String> collections = new ArrayList<>(communityCollections);
            collections.add(defaultCollection);
            users.add(userFor(store, marker + "-user-" + m, members.get(m), collections));
        }

        List<Written> written = new ArrayList<>();
        for (int n = 0; n < world.writes().size(); n++) {
            Write w = world.writes().get(n);
            MemberId writer = members.get(w.writer());
            TaxiiClient as = users.get(w.writer());
            String id = "indicator--" + UUID.randomUUID();
            Map<String, Object> object = indicator(id, "2026-01-01T00:00:00.000Z", marker, n, w.tlp());
            switch (w.kind()) {
                case POST_DEFAULT -> {
                    String path = "/taxii2/node/collections/" + defaultCollection + "/objects/";
                    assertThat(failures(as.post(path, envelope(object)))).isEmpty();
                    written.add(new Written(id, w.writer(), path, SharingLabels.of(writer, Distribution.ORGANISATION, w.tlp().orElse(Tlp.AMBER), "cyber")));
                }
                case POST_COMMUNITY -> {
                    Community c = communities.get(w.community());
                    String path = "/taxii2/node/collections/" + communityCollections.get(w.community()) + "/objects/";
                    TaxiiClient.Response r = as.post(path, envelope(object));
                    Tlp highest = c.charter().highestTlp();
                    if (!c.hasMember(writer)) {
                        assertThat(r.status()).as(r.text()).isEqualTo(403);
                    } else if (w.tlp().isPresent() && !w.tlp().get().atMost(highest)) {
                        assertThat(failures(r)).singleElement().asString().contains(w.tlp().get().toString()).contains(c.name());
                    } else {
                        assertThat(failures(r)).isEmpty();
                        String domain = c.charter().carriesDomain("cyber") ? "cyber" : c.charter().domains().stream().sorted().findFirst().orElseThrow();
                        Tlp tlp = w.tlp().orElse(highest == Tlp.RED ? Tlp.AMBER_STRICT : highest);
                        written.add(new Written(id, w.writer(), path, SharingLabels.of(writer, Distribution.toCommunities(c.name()), tlp, domain)));
                    }
                }
                case SHARE -> {
                    Set<String> addressed = new LinkedHashSet<>();
                    for (int c : w.communities()) addressed.add(communities.get(c).name());
                    Set<MemberId> named = new LinkedHashSet<>();
                    for (int m : w.named()) named.add(members.get(m));
                    Distribution to = new Distribution(named, addressed, false);
                    Tlp tlp = w.tlp().orElse(Tlp.GREEN);
                    TaxiiClient.Response r = share(as, object, to, tlp, w.domain());
                    assertThat(r.status()).as(r.text()).isEqualTo(202);
                    written.add(new Written(id, w.writer(), "/taxii2/node/collections/" + defaultCollection + "/objects/",
                            SharingLabels.of(writer, to, tlp, w.domain())));
                }
            }
        }

        for (Change change : world.changes()) {
            if (written.isEmpty()) break;
            Written target = written.get(change.target() % written.size());
            if (target.writer() == change.writer()) continue;
            TaxiiClient.Response r = users.get(change.writer()).post(target.collectionPath(),
                    envelope(indicator(target.id(), "2026-06-01T00:00:00.000Z", marker, 99, Optional.empty())));
            if (r.status() != 403) assertThat(failures(r)).singleElement().asString().contains("only its origin may change it");
            TaxiiClient.Response versions = users.get(0).get(target.collectionPath() + target.id() + "/versions/");
            assertThat(versions.json().get("versions")).as(versions.text()).isEqualTo(List.of("2026-01-01T00:00:00.000Z"));
        }

        SharingPolicy policy = new SharingPolicy(store.communities().list());
        for (int m = 0; m < MEMBERS; m++) {
            MemberId member = members.get(m);
            Set<String> expected = new LinkedHashSet<>();
            for (Written w : written) if (m == 0 || policy.mayReceive(w.labels(), member).allowed()) expected.add(w.id());
            assertThat(searchIds(users.get(m), marker)).as("member " + m + " (" + member + ")").containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static Map<String, Object> indicator(String id, String modified, String marker, int n, Optional<Tlp> tlp) {
        Map<String, Object> object = new LinkedHashMap<>(StixJson.object("type", "indicator", "spec_version", "2.1", "id", id,
                "created", "2026-01-01T00:00:00.000Z", "modified", modified, "name", "probe " + marker + " write " + n,
                "pattern", "[ipv4-addr:value = '10.1.0." + n + "']", "pattern_type", "stix", "valid_from", "2026-01-01T00:00:00Z"));
        tlp.ifPresent(t -> object.put("object_marking_refs", List.of(t.markingId())));
        return object;
    }

    private static Map<String, Object> envelope(Map<String, Object> object) {
        return StixJson.object("objects", List.of(object));
    }

    private static TaxiiClient.Response share(TaxiiClient as, Map<String, Object> object, Distribution to, Tlp tlp, String domain) {
        Map<String, Object> body = StixJson.object("objects", List.of(object),
                "to", StixJson.object("members", to.members().stream().map(MemberId::value).toList(), "communities", List.copyOf(to.communities())),
                "tlp", tlp.level(), "domain", domain);
        return as.send(as.request("/api/v1/share").POST(HttpRequest.BodyPublishers.ofByteArray(StixJson.write(body)))
                .header("Content-Type", "application/json"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> failures(TaxiiClient.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        Object failures = r.json().get("failures");
        return failures == null ? List.of() : ((List<Map<String, Object>>) failures).stream().map(f -> f.get("message")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> searchIds(TaxiiClient client, String marker) {
        TaxiiClient.Response r = client.get("/api/v1/objects?limit=100&q=" + marker);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("more")).isNotEqualTo(true);
        Object objects = r.json().get("objects");
        return objects == null ? List.of() : ((List<Map<String, Object>>) objects).stream().map(o -> (String) o.get("id")).toList();
    }

    private static TaxiiClient userFor(Store store, String name, MemberId member, List<String> collections) {
        store.accounts().saveUser(new Account(name, null, false, Optional.of(member)));
        String token = Tokens.generate();
        store.accounts().addToken(Tokens.digest(token), name, "property test");
        for (String c : collections) store.accounts().grant(name, c, true, true);
        return TaxiiClient.bearer(node.url(), token);
    }
}
