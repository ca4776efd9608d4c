package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random charters, audiences and markings, shared for real between four nodes over mutual TLS: every
 * member sees the object exactly when the sharing policy lets it receive it, through TAXII on its own
 * node, whichever way (direct or relayed) the object travelled.
 */
class AudienceAcrossNodesProperties {
    static final String TOKEN = FederationEndToEndTest.TOKEN;
    static final List<String> DOMAINS = List.of("cyber", "fraud");
    static final AtomicInteger TRIES = new AtomicInteger();

    static Path dir;
    static List<Node> nodes;
    static List<MemberId> members;
    /** Every community put on the nodes so far: earlier tries' charters stay, and "all communities" reaches them too. */
    static final List<Community> EVERY_COMMUNITY = new ArrayList<>();

    @BeforeContainer
    static void startNetwork() throws Exception {
        dir = Files.createTempDirectory("entente-audience-");
        nodes = new ArrayList<>();
        String[][] who = {{"DE", "cyber"}, {"FR", "cyber"}, {"NL", "finance"}, {"EE", "law-enforcement"}};
        for (String[] w : who) {
            nodes.add(Node.start(NodeConfig.local(dir.resolve(w[0]), 0).withAdminToken(TOKEN)
                    .withProfile(new MemberProfile("member " + w[0], w[0], Level.STATE, w[1]))));
        }
        for (Node a : nodes) for (Node b : nodes) if (a != b) FederationEndToEndTest.connect(a, b);
        members = nodes.stream().map(n -> n.federation().identity().member()).toList();
    }

    @AfterContainer
    static void stopNetwork() {
        if (nodes != null) nodes.forEach(Node::close);
    }

    record Case(List<Community> communities, int origin, Distribution audience, Tlp tlp, String domain) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Set<Integer>> memberSets = Arbitraries.integers().between(0, 3).set().ofMaxSize(4);
        Arbitrary<Charter> charters = Combinators.combine(memberSets, Arbitraries.of(DOMAINS).set().ofMaxSize(2),
                        Arbitraries.of(Tlp.class), Arbitraries.of(true, false))
                .as((m, d, tlp, relay) -> new Charter(ids(m), d, tlp, relay, false));
        Arbitrary<List<Charter>> charterLists = charters.list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(charterLists, Arbitraries.integers().between(0, 3), memberSets,
                        Arbitraries.integers().between(0, 3).set().ofMaxSize(3), Arbitraries.of(true, false),
                        Arbitraries.of(Tlp.class), Arbitraries.of(DOMAINS))
                .as((chs, origin, named, addressed, all, tlp, domain) -> {
                    String prefix = "t" + TRIES.incrementAndGet() + "-";
                    List<Community> communities = new ArrayList<>();
                    for (int i = 0; i < chs.size(); i++) communities.add(new Community(prefix + i, chs.get(i)));
                    Set<String> names = new LinkedHashSet<>();
                    // Index 3 may name a community that does not exist: such an audience reaches nobody through it.
                    for (int i : addressed) names.add(prefix + i);
                    return new Case(communities, origin, new Distribution(ids(named), names, all && addressed.isEmpty()), tlp, domain);
                });
    }

    @Property(tries = 12)
    void everyMemberSeesTheObjectExactlyWhenThePolicyAllowsIt(@ForAll("cases") Case drawn) {
        Case c = withRealMembers(drawn);
        for (Community community : c.communities()) {
            for (Node n : nodes) {
                TaxiiClient api = FederationEndToEndTest.api(n);
                TaxiiClient.Response r = api.send(api.request("/api/v1/communities/" + community.name())
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(charterJson(community.charter())))
                        .header("Content-Type", "application/json"));
                assertThat(r.status()).as(r.text()).isIn(200, 201);
            }
        }
        Node origin = nodes.get(c.origin());
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        TaxiiClient.Response shared = FederationEndToEndTest.share(origin, indicator, audienceJson(c.audience()),
                c.tlp().level(), c.domain());
        assertThat(shared.status()).as(shared.text()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> nodes.stream().allMatch(AudienceAcrossNodesProperties::outboxesEmpty));

        EVERY_COMMUNITY.addAll(c.communities());
        SharingPolicy policy = new SharingPolicy(EVERY_COMMUNITY);
        SharingLabels labels = new SharingLabels(members.get(c.origin()), c.audience(), c.tlp(), c.domain(), Optional.empty(), Optional.empty());
        for (int i = 0; i < nodes.size(); i++) {
            if (i == c.origin()) continue;
            boolean allowed = policy.mayReceive(labels, members.get(i)).allowed();
            assertThat(seesObject(nodes.get(i), (String) indicator.get("id")))
                    .as("member %d (%s) may %sreceive it", i, members.get(i), allowed ? "" : "not ")
                    .isEqualTo(allowed);
        }
    }

    /** Members are drawn as placeholders (the nodes may not run yet when jqwik draws); member i stands for node i. */
    static Set<MemberId> ids(Set<Integer> indexes) {
        Set<MemberId> ids = new LinkedHashSet<>();
        for (int i : indexes) ids.add(placeholder(i));
        return ids;
    }

    static MemberId placeholder(int i) {
        return MemberId.ofPublicKey(new byte[] {(byte) i});
    }

    static Set<MemberId> real(Set<MemberId> placeholders) {
        Set<MemberId> out = new LinkedHashSet<>();
        for (int i = 0; i < members.size(); i++) if (placeholders.contains(placeholder(i))) out.add(members.get(i));
        return out;
    }

    static Case withRealMembers(Case c) {
        List<Community> communities = c.communities().stream().map(k -> new Community(k.name(), new Charter(
                real(k.charter().members()), k.charter().domains(), k.charter().highestTlp(), k.charter().relayAllowed(), false))).toList();
        Distribution audience = new Distribution(real(c.audience().members()), c.audience().communities(), c.audience().allCommunities());
        return new Case(communities, c.origin(), audience, c.tlp(), c.domain());
    }

    static List<String> values(Set<MemberId> ids) {
        return ids.stream().map(MemberId::value).toList();
    }

    String charterJson(Charter ch) {
        return StixJson.writeString(StixJson.object("members", values(ch.members()), "domains", List.copyOf(ch.domains()),
                "highest_tlp", ch.highestTlp().level(), "relay_allowed", ch.relayAllowed()));
    }

    static String audienceJson(Distribution d) {
        return StixJson.writeString(StixJson.object("members", values(d.members()), "communities", List.copyOf(d.communities()),
                "all_communities", d.allCommunities()));
    }

    @SuppressWarnings("unchecked")
    static boolean outboxesEmpty(Node n) {
        List<Map<String, Object>> peers = (List<Map<String, Object>>) FederationEndToEndTest.api(n).get("/api/v1/peers").json().get("peers");
        return peers.stream().allMatch(p -> ((Number) p.get("pending")).longValue() == 0);
    }

    @SuppressWarnings("unchecked")
    static boolean seesObject(Node n, String id) {
        TaxiiClient api = FederationEndToEndTest.api(n);
        Object collections = api.get("/taxii2/node/collections/").json().get("collections");
        if (collections == null) return false;
        for (Map<String, Object> c : (List<Map<String, Object>>) collections) {
            Object objects = api.get("/taxii2/node/collections/" + c.get("id") + "/objects/", Map.of("match[id]", id)).json().get("objects");
            if (objects != null && !((List<?>) objects).isEmpty()) return true;
        }
        return false;
    }
}
