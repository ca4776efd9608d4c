package org.entente.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.cli.EntenteCommand;
import org.entente.server.federation.MemberProfile;
import org.entente.server.share.Channels;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;

/**
 * Random members, communities (charters with hidden membership, highest TLP, domains, relay), markings
 * (TLP, handling codes) and objects, some shared several times and some never: a user bound to a member
 * sees, through every read path of one running node (TAXII objects, object, versions and manifest on the
 * node's root and on the community roots, REST search, export), exactly what {@link SharingPolicy} lets
 * that member receive. A denied object answers like one that does not exist.
 */
class ReadPathsRespectPolicyProperties {
    static final String TOKEN = "read-paths-admin";
    static final List<String> DOMAINS = List.of("cyber", "fraud");
    /** Member 0 is the node's own; 1 to 4 are hosted members. */
    static final int MEMBERS = 5;
    static final AtomicInteger TRIES = new AtomicInteger();

    static Path dir;
    static Node node;
    static MemberId local;

    @BeforeContainer
    static void startNode() throws Exception {
        dir = Files.createTempDirectory("entente-read-paths-");
        node = Node.start(NodeConfig.local(dir, 0).withAdminToken(TOKEN)
                .withProfile(new MemberProfile("national CERT", "DE", Level.STATE, "cyber")));
        local = node.federation().identity().member();
    }

    @AfterContainer
    static void stopNode() {
        if (node != null) node.close();
    }

    record Labels(int origin, Set<Integer> named, Set<Integer> communities, boolean all, Tlp tlp, String domain,
                  Optional<HandlingCode> handling) {}

    record Drawn(boolean indicator, int versions, List<Labels> shares) {}

    record World(List<Charter> charters, List<Drawn> objects) {}

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Set<Integer>> memberSets = Arbitraries.integers().between(0, MEMBERS - 1).set().ofMaxSize(MEMBERS);
        Arbitrary<Charter> charters = Combinators.combine(memberSets, Arbitraries.of(DOMAINS).set().ofMaxSize(2),
                        Arbitraries.of(Tlp.class), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((m, d, tlp, relay, hidden) -> new Charter(placeholders(m), d, tlp, relay, hidden));
        // Index 3 names a community that does not exist: an audience reaches nobody through it.
        Arbitrary<Labels> labels = Combinators.combine(Arbitraries.integers().between(0, MEMBERS - 1),
                        Arbitraries.integers().between(0, MEMBERS - 1).set().ofMaxSize(2),
                        Arbitraries.integers().between(0, 3).set().ofMaxSize(2), Arbitraries.integers().between(0, 4),
                        Arbitraries.of(Tlp.class), Arbitraries.of(DOMAINS), Arbitraries.of(HandlingCode.class).optional())
                .as((origin, named, communities, all, tlp, domain, handling) ->
                        new Labels(origin, named, communities, all == 0, tlp, domain, handling));
        Arbitrary<Drawn> objects = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 2),
                        labels.list().ofMaxSize(2))
                .as((indicator, versions, shares) -> new Drawn(indicator, indicator ? versions : 1, shares));
        return Combinators.combine(charters.list().ofMinSize(1).ofMaxSize(3), objects.list().ofMinSize(1).ofMaxSize(8))
                .as(World::new);
    }

    /** A stored object as the test made it: its versions, the labels of its shares, and where it is kept. */
    record Stored(String id, List<Instant> versions, List<SharingLabels> labels, Set<String> collections, String value) {}

    @Property(tries = 12)
    void aMemberBoundUserSeesThroughEveryReadPathExactlyWhatThePolicyAllows(@ForAll("worlds") World world) {
        int attempt = TRIES.incrementAndGet();
        String marker = "zq" + attempt + "q";
        Store store = node.store();
        List<MemberId> members = new ArrayList<>();
        members.add(local);
        for (int i = 1; i < MEMBERS; i++) members.add(MemberId.ofPublicKey((marker + "-member-" + i).getBytes(StandardCharsets.UTF_8)));

        List<Community> communities = new ArrayList<>();
        for (int i = 0; i < world.charters().size(); i++) {
            Charter ch = world.charters().get(i);
            Community c = new Community(marker + "-" + i, new Charter(real(ch.members(), members), ch.domains(), ch.highestTlp(),
                    ch.relayAllowed(), ch.membershipHidden()));
            store.communities().save(c);
            communities.add(c);
        }
        SharingPolicy policy = new SharingPolicy(store.communities().list());
        String nodeCollection = "t-" + marker;
        store.collections().create(new CollectionInfo(nodeCollection, "objects of try " + attempt, null, null));

        Channels channels = new Channels(store.collections());
        List<Stored> stored = new ArrayList<>();
        for (int n = 0; n < world.objects().size(); n++) {
            stored.add(store(store, channels, policy, world.objects().get(n), n, marker, nodeCollection, members, communities));
        }
        Set<String> collections = new LinkedHashSet<>();
        stored.forEach(s -> collections.addAll(s.collections()));

        for (int m = 0; m < MEMBERS; m++) {
            MemberId member = members.get(m);
            TaxiiClient client = userFor(store, marker + "-user-" + m, m == 0 ? Optional.empty() : Optional.of(member), collections);
            Map<String, Stored> allowed = new LinkedHashMap<>();
            for (Stored s : stored) {
                boolean may = m == 0 || s.labels().stream().anyMatch(l -> policy.mayReceive(l, member).allowed());
                if (may) allowed.put(s.id(), s);
            }
            String who = "member " + m + " (" + member + ")";

            // TAXII on the node's root: objects and manifest, paged small so that filtered pages must fill up.
            assertThat(pagedIds(client, "/taxii2/node/collections/" + nodeCollection + "/objects/", "objects"))
                    .as(who + ": objects").containsExactlyInAnyOrderElementsOf(allowed.keySet());
            assertThat(pagedIds(client, "/taxii2/node/collections/" + nodeCollection + "/manifest/", "objects"))
                    .as(who + ": manifest").containsExactlyInAnyOrderElementsOf(allowed.keySet());
            for (Stored s : stored) checkOneObject(client, "/taxii2/node/collections/" + nodeCollection, s, allowed.containsKey(s.id()), who);

            // Community roots: those of the communities both the node's member and this member are in.
            Set<String> expectedRoots = new LinkedHashSet<>();
            for (Community c : communities) {
                if (c.hasMember(local) && c.hasMember(member)) expectedRoots.add(Channels.aliasOf(c));
            }
            assertThat(rootsOfThisTry(client, marker)).as(who + ": API roots").containsExactlyInAnyOrderElementsOf(expectedRoots);
            for (Community c : communities) {
                String alias = Channels.aliasOf(c);
                Optional<CollectionInfo> collection = store.collections().find(alias);
                if (!expectedRoots.contains(alias)) {
                    TaxiiClient.Response r = client.get("/taxii2/" + alias + "/collections/");
                    assertThat(r.status()).as(who + ": root " + alias).isEqualTo(404);
                } else if (collection.isPresent()) {
                    Set<String> carried = new LinkedHashSet<>();
                    for (Stored s : allowed.values()) if (s.collections().contains(collection.get().id())) carried.add(s.id());
                    assertThat(pagedIds(client, "/taxii2/" + alias + "/collections/" + collection.get().id() + "/objects/", "objects"))
                            .as(who + ": objects through " + alias).containsExactlyInAnyOrderElementsOf(carried);
                    for (Stored s : stored) {
                        if (s.collections().contains(collection.get().id())) {
                            checkOneObject(client, "/taxii2/" + alias + "/collections/" + collection.get().id(), s, carried.contains(s.id()), who);
                        }
                    }
                }
            }

            // REST search: by the text every object of this try carries, and by an observable typed loosely.
            assertThat(pagedIds(client, "/api/v1/objects?q=" + marker, "objects"))
                    .as(who + ": search").containsExactlyInAnyOrderElementsOf(allowed.keySet());
            for (Stored s : stored) {
                if (s.value() == null) continue;
                String typed = s.value().toUpperCase(java.util.Locale.ROOT) + ".";
                assertThat(pagedIds(client, "/api/v1/objects?type=domain-name&q=" + typed, "objects"))
                        .as(who + ": search for " + typed).isEqualTo(allowed.containsKey(s.id()) ? List.of(s.id()) : List.of());
            }

            // Export, as the operator runs it for a hosted member.
            assertThat(exportedIds(nodeCollection, m == 0 ? null : member))
                    .as(who + ": export").containsExactlyInAnyOrderElementsOf(allowed.keySet());
        }
    }

    private static Stored store(Store store, Channels channels, SharingPolicy policy, Drawn drawn, int n, String marker,
                                String nodeCollection, List<MemberId> members, List<Community> communities) {
        String type = drawn.indicator() ? "indicator" : "domain-name";
        String id = type + "--" + UUID.randomUUID();
        String value = drawn.indicator() ? null : "d" + n + "." + marker + ".example";
        List<Instant> versions = new ArrayList<>();
        List<NewVersion> written = new ArrayList<>();
        for (int v = 0; v < drawn.versions(); v++) {
            Instant modified = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * v);
            Map<String, Object> json = drawn.indicator()
                    ? StixJson.object("type", type, "spec_version", "2.1", "id", id, "created", "2026-01-01T00:00:00.000Z",
                            "modified", modified.toString(), "name", "probe " + marker + " object " + n,
                            "pattern", "[ipv4-addr:value = '10.0.0." + n + "']", "pattern_type", "stix", "valid_from", "2026-01-01T00:00:00Z")
                    : StixJson.object("type", type, "spec_version", "2.1", "id", id, "value", value);
            versions.add(drawn.indicator() ? modified : null);
            written.add(new NewVersion(id, type, "2.1", drawn.indicator() ? modified : null, StixJson.writeString(json)));
        }
        List<SharingLabels> labels = new ArrayList<>();
        Set<String> collections = new LinkedHashSet<>();
        collections.add(nodeCollection);
        List<Share> shares = new ArrayList<>();
        for (Labels l : drawn.shares()) {
            Set<String> addressed = new LinkedHashSet<>();
            for (int c : l.communities()) addressed.add(marker + "-" + c);
            SharingLabels sl = new SharingLabels(members.get(l.origin()),
                    new Distribution(real(placeholders(l.named()), members), addressed, l.all() && addressed.isEmpty()),
                    l.tlp(), l.domain(), l.handling(), Optional.empty());
            labels.add(sl);
            String envelope = "envelope-" + UUID.randomUUID();
            for (Instant v : versions) shares.add(new Share(id, v, envelope, sl));
            collections.addAll(channels.collectionsFor(sl, local, policy));
        }
        for (String collection : collections) store.objects().write(collection, written);
        store.shares().record(shares);
        return new Stored(id, versions, labels, collections, value);
    }

    private static TaxiiClient userFor(Store store, String name, Optional<MemberId> member, Set<String> collections) {
        store.accounts().saveUser(new Account(name, null, false, member));
        String token = Tokens.generate();
        store.accounts().addToken(Tokens.digest(token), name, "property test");
        for (String c : collections) store.accounts().grant(name, c, true, false);
        return TaxiiClient.bearer(node.url(), token);
    }

    /** One object and its versions: all versions when the member may see it, else exactly what an unknown id gets. */
    private static void checkOneObject(TaxiiClient client, String collectionPath, Stored s, boolean allowed, String who) {
        String unknown = s.id().substring(0, s.id().indexOf("--") + 2) + UUID.randomUUID();
        for (String suffix : List.of("/", "/versions/")) {
            TaxiiClient.Response r = client.get(collectionPath + "/objects/" + s.id() + suffix);
            if (allowed) {
                assertThat(r.status()).as(who + ": " + s.id() + suffix).isEqualTo(200);
                if (suffix.equals("/versions/")) {
                    assertThat((List<?>) r.json().get("versions")).as(who + ": versions of " + s.id()).hasSize(s.versions().size());
                } else {
                    assertThat(ids(r.json(), "objects")).containsExactly(s.id());
                }
            } else {
                TaxiiClient.Response missing = client.get(collectionPath + "/objects/" + unknown + suffix);
                assertThat(r.status()).as(who + ": denied " + s.id() + suffix).isEqualTo(404);
                assertThat(r.text().replace(s.id(), "ID")).as(who + ": denied answers like missing")
                        .isEqualTo(missing.text().replace(unknown, "ID"));
                assertThat(r.header("X-TAXII-Date-Added-First")).isNull();
            }
        }
    }

    /** Every id over all pages; a page that says more is never empty, and the date headers span its items. */
    private static List<String> pagedIds(TaxiiClient client, String path, String field) {
        List<String> ids = new ArrayList<>();
        String next = null;
        for (int pages = 0; pages < 100; pages++) {
            String url = path + (path.contains("?") ? "&" : "?") + "limit=2" + (next == null ? "" : "&next=" + next);
            TaxiiClient.Response r = path.startsWith("/api/")
                    ? client.send(client.request(url).GET())
                    : client.get(url);
            assertThat(r.status()).as(url + ": " + r.text()).isEqualTo(200);
            Map<String, Object> body = r.json();
            List<String> page = ids(body, field);
            ids.addAll(page);
            if (page.isEmpty()) assertThat(r.header("X-TAXII-Date-Added-First")).isNull();
            List<Map<String, Object>> records = records(body, field);
            if (!records.isEmpty() && records.get(0).containsKey("date_added")) {
                // A manifest: the headers span exactly the records shown, not what was skipped.
                assertThat(r.header("X-TAXII-Date-Added-First")).isEqualTo(records.get(0).get("date_added"));
                assertThat(r.header("X-TAXII-Date-Added-Last")).isEqualTo(records.get(records.size() - 1).get("date_added"));
            }
            if (!Boolean.TRUE.equals(body.get("more"))) return ids;
            assertThat(page).as(url + ": a page that says more has items").isNotEmpty();
            next = (String) body.get("next");
        }
        throw new AssertionError("more than 100 pages for " + path);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> body, String field) {
        Object items = body.get(field);
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    private static List<String> ids(Map<String, Object> body, String field) {
        return records(body, field).stream().map(o -> (String) o.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> rootsOfThisTry(TaxiiClient client, String marker) {
        TaxiiClient.Response r = client.get("/taxii2/");
        assertThat(r.status()).isEqualTo(200);
        Set<String> roots = new LinkedHashSet<>();
        for (String url : (List<String>) r.json().get("api_roots")) {
            String name = url.substring(url.indexOf("/taxii2/") + 8, url.length() - 1);
            if (name.startsWith("c-" + marker + "-")) roots.add(name);
        }
        return roots;
    }

    @SuppressWarnings("unchecked")
    private static List<String> exportedIds(String collection, MemberId member) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = EntenteCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("export", "--data", dir.toString(), "--collection", collection));
        if (member != null) args.addAll(List.of("--as-member", member.value()));
        int exit = cli.execute(args.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isZero();
        return ids((Map<String, Object>) StixJson.readTree(out.toString().getBytes(StandardCharsets.UTF_8)), "objects");
    }

    static Set<MemberId> placeholders(Set<Integer> indexes) {
        Set<MemberId> ids = new LinkedHashSet<>();
        for (int i : indexes) ids.add(placeholder(i));
        return ids;
    }

    static MemberId placeholder(int i) {
        return MemberId.ofPublicKey(new byte[] {(byte) i});
    }

    /** The drawn placeholders replaced by this try's members. */
    static Set<MemberId> real(Set<MemberId> drawn, List<MemberId> members) {
        Map<MemberId, MemberId> byPlaceholder = new HashMap<>();
        for (int i = 0; i < members.size(); i++) byPlaceholder.put(placeholder(i), members.get(i));
        Set<MemberId> out = new LinkedHashSet<>();
        for (MemberId p : drawn) out.add(byPlaceholder.get(p));
        return out;
    }
}
