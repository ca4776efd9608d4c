package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.federation.sync.DeliveryResult;
import org.entente.federation.sync.PeerClient;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes of three members on loopback, talking over mutual TLS: what is shared reaches exactly the
 * members the rules allow, a forged or replayed envelope changes nothing, and a peer that was offline
 * catches up.
 */
class FederationEndToEndTest {
    static final String TOKEN = "federation-test-token";

    @TempDir
    Path dir;

    Node de;
    Node fr;
    Node nl;
    int frPort;
    int frFederationPort;

    @BeforeEach
    void start() throws IOException {
        frPort = freePort();
        frFederationPort = freePort();
        de = node("de", new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber"), 0, 0);
        fr = node("fr", new MemberProfile("CERT-FR", "FR", Level.STATE, "cyber"), frPort, frFederationPort);
        nl = node("nl", new MemberProfile("NL banks fraud unit", "NL", Level.SECTORAL, "finance"), 0, 0);
        connectAll(List.of(de, fr, nl));
        putCommunity(List.of(de, fr, nl), "eu-certs", "{\"members\":[\"" + member(de) + "\",\"" + member(fr) + "\"],"
                + "\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
    }

    /** Every node a peer of every other. */
    static void connectAll(List<Node> nodes) {
        for (Node a : nodes) {
            for (Node b : nodes) {
                if (a != b) connect(a, b);
            }
        }
    }

    /** The same charter on every node. */
    static void putCommunity(List<Node> nodes, String name, String charter) {
        for (Node n : nodes) {
            TaxiiClient.Response r = api(n).send(api(n).request("/api/v1/communities/" + name)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(charter)).header("Content-Type", "application/json"));
            assertThat(r.status()).as(r.text()).isIn(200, 201);
        }
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {de, fr, nl}) if (n != null) n.close();
    }

    @Test
    void anObjectSharedWithACommunityReachesItsMembersAndNobodyElse() {
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        TaxiiClient.Response shared = share(de, indicator, "{\"communities\":[\"eu-certs\"]}", "green", "cyber");
        assertThat(shared.status()).as(shared.text()).isEqualTo(202);
        assertThat(shared.text()).contains(member(fr)).doesNotContain(member(nl));

        await().atMost(Duration.ofSeconds(20)).until(() -> communityObjects(fr, "eu-certs").contains(indicator));
        assertThat(communityObjects(nl, "eu-certs")).isEmpty();
        assertThat(peer(de, fr).get("pending")).isEqualTo(0);

        // The community is an API root of its members' nodes, and of no other node.
        assertThat(api(fr).get("/taxii2/").json().get("api_roots").toString()).contains("/taxii2/c-eu-certs/");
        TaxiiClient.Response root = api(fr).get("/taxii2/c-eu-certs/collections/c-eu-certs/objects/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.text()).contains((String) indicator.get("id"));
        assertThat(api(fr).get("/taxii2/c-eu-certs/collections/default/").status()).isEqualTo(404);
        assertThat(api(nl).get("/taxii2/").json().get("api_roots").toString()).doesNotContain("c-eu-certs");
        assertThat(api(nl).get("/taxii2/c-eu-certs/").status()).isEqualTo(404);
    }

    @Test
    void redGoesToTheNamedMemberOnly() {
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        TaxiiClient.Response shared = share(de, indicator,
                "{\"members\":[\"" + member(nl) + "\"],\"communities\":[\"eu-certs\"]}", "red", "cyber");
        assertThat(shared.status()).as(shared.text()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> collectionObjects(nl, "direct").contains(indicator));
        assertThat(communityObjects(fr, "eu-certs")).doesNotContain(indicator);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRelayedEnvelopeIsQueuedForTheNextPeerInTheTransactionThatStoresIt() {
        putCommunity(List.of(de, fr, nl), "ring", "{\"members\":[\"" + member(de) + "\",\"" + member(fr) + "\",\""
                + member(nl) + "\"],\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":true}");
        MemberId nlId = nl.federation().identity().member();
        fr.store().peers().save(fr.store().peers().find(nlId).orElseThrow().withPaused(true));
        fr.federation().peersChanged();
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");

        TaxiiClient.Response shared = share(de, indicator, "{\"communities\":[\"ring\"]}", "green", "cyber");
        assertThat(shared.status()).as(shared.text()).isEqualTo(202);
        String envelope = ((List<String>) shared.json().get("envelopes")).getFirst();

        await().atMost(Duration.ofSeconds(20)).until(() -> fr.store().inbox().find(envelope).isPresent());
        // Stored and queued in one transaction: once the envelope is in the inbox, its relay entry is there too.
        assertThat(fr.store().outbox().after(nlId, 0, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.envelope()).isEqualTo(fr.store().inbox().find(envelope).orElseThrow().raw()));
        assertThat(communityObjects(fr, "ring")).contains(indicator);

        fr.store().peers().save(fr.store().peers().find(nlId).orElseThrow().withPaused(false));
        fr.federation().peersChanged();
        await().atMost(Duration.ofSeconds(20)).until(() -> fr.store().outbox().state(nlId).pending() == 0);
        assertThat(communityObjects(nl, "ring")).contains(indicator);
    }

    @Test
    void aForgedEnvelopeIsRefusedAndAReplayChangesNothing() {
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        var signer = new org.entente.federation.envelope.EnvelopeSigner(de.federation().identity(), java.time.Clock.systemUTC(),
                new java.security.SecureRandom());
        byte[] genuine = signer.sign(org.entente.core.policy.Distribution.toCommunities("eu-certs"),
                EnvelopeMarkings.of(org.entente.core.policy.Tlp.GREEN, "cyber"),
                List.of(StixJson.toObject(indicator, "test"))).raw().bytes();
        PeerClient fromDe = new PeerClient(URI.create(fr.federation().url()), de.federation().identity().tls(),
                fr.federation().identity().tls().fingerprint(), Duration.ofSeconds(10));

        byte[] altered = new String(genuine, java.nio.charset.StandardCharsets.UTF_8)
                .replace("parcel-redelivery.example", "innocent.example").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DeliveryResult forged = fromDe.deliver(altered);
        assertThat(forged.kind()).isEqualTo(DeliveryResult.Kind.REJECTED);
        assertThat(forged.detail()).contains("BAD_SIGNATURE");
        assertThat(communityObjects(fr, "eu-certs")).isEmpty();

        assertThat(fromDe.deliver(genuine).kind()).isEqualTo(DeliveryResult.Kind.ACCEPTED);
        assertThat(fromDe.deliver(genuine).kind()).isEqualTo(DeliveryResult.Kind.DUPLICATE);
        assertThat(communityObjects(fr, "eu-certs")).containsExactly(indicator);
    }

    @Test
    void anEnvelopeOverTheReceiversSizeLimitIsRefusedNamingTheLimitAndOneWithinItIsStoredWhole() {
        Node pt = Node.start(NodeConfig.local(dir.resolve("pt"), 0).withAdminToken(TOKEN).withFederationPort(0)
                .withProfile(new MemberProfile("CERT-PT", "PT", Level.STATE, "cyber")).withMaxContentLength(8_192));
        try {
            connect(de, pt);
            connect(pt, de);
            putCommunity(List.of(de, pt), "pt-de", "{\"members\":[\"" + member(de) + "\",\"" + member(pt) + "\"],"
                    + "\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
            var signer = new org.entente.federation.envelope.EnvelopeSigner(de.federation().identity(), java.time.Clock.systemUTC(),
                    new java.security.SecureRandom());
            PeerClient fromDe = new PeerClient(URI.create(pt.federation().url()), de.federation().identity().tls(),
                    pt.federation().identity().tls().fingerprint(), Duration.ofSeconds(10));
            Map<String, Object> small = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
            Map<String, Object> large = new java.util.LinkedHashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"),
                    "2026-01-01T00:00:00.000Z"));
            large.put("description", "x".repeat(10_000));

            DeliveryResult tooLarge = fromDe.deliver(signer.sign(org.entente.core.policy.Distribution.toCommunities("pt-de"),
                    EnvelopeMarkings.of(org.entente.core.policy.Tlp.GREEN, "cyber"), List.of(StixJson.toObject(large, "test"))).raw().bytes());
            assertThat(tooLarge.kind()).isEqualTo(DeliveryResult.Kind.REJECTED);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.detail()).contains("at most 8192 bytes");

            DeliveryResult within = fromDe.deliver(signer.sign(org.entente.core.policy.Distribution.toCommunities("pt-de"),
                    EnvelopeMarkings.of(org.entente.core.policy.Tlp.GREEN, "cyber"), List.of(StixJson.toObject(small, "test"))).raw().bytes());
            assertThat(within.kind()).as(within.detail()).isEqualTo(DeliveryResult.Kind.ACCEPTED);
            assertThat(communityObjects(pt, "pt-de")).containsExactly(small);
        } finally {
            pt.close();
        }
    }

    @Test
    void aNoteOnAnotherMembersObjectFlowsBackToItsOriginAndItsCopyCannotBeChanged() {
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        share(de, indicator, "{\"communities\":[\"eu-certs\"]}", "green", "cyber");
        // Its sharing labels, which name DE as its origin, committed with it: once it is seen, so are they.
        await().atMost(Duration.ofSeconds(20)).until(() -> communityObjects(fr, "eu-certs").contains(indicator));

        Map<String, Object> changed = new java.util.LinkedHashMap<>(SampleObjects.indicator((String) indicator.get("id"), "2026-02-01T00:00:00.000Z"));
        TaxiiClient.Response edit = share(fr, changed, "{\"communities\":[\"eu-certs\"]}", "green", "cyber");
        assertThat(edit.status()).isEqualTo(422);
        assertThat(edit.text()).contains("only its origin");

        Map<String, Object> note = StixJson.object("type", "note", "spec_version", "2.1", "id", SampleObjects.id("note"),
                "created", "2026-01-05T00:00:00.000Z", "modified", "2026-01-05T00:00:00.000Z",
                "content", "This domain now resolves to a new host.", "object_refs", List.of(indicator.get("id")));
        TaxiiClient.Response reply = share(fr, note, "{}", "green", "cyber");
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> collectionObjects(de, "direct").contains(note));
        assertThat(collectionObjects(nl, "direct")).doesNotContain(note);
    }

    @Test
    void aPeerThatRotatedItsSigningKeyIsStillRecognised() {
        fr.close();
        new org.entente.federation.identity.files.NodeKeyDirectory(LocalIdentity.keysDirectory(dir.resolve("fr")),
                java.time.Clock.systemUTC(), new java.security.SecureRandom()).rotate();
        fr = node("fr", null, frPort, frFederationPort);
        assertThat(fr.federation().identity().chain().keys()).hasSize(2);

        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        assertThat(share(fr, indicator, "{\"communities\":[\"eu-certs\"]}", "green", "cyber").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> communityObjects(de, "eu-certs").contains(indicator));
    }

    @Test
    void aPeerThatWasOfflineCatchesUpExactlyOnce() {
        fr.close();
        fr = null;
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        assertThat(share(de, indicator, "{\"communities\":[\"eu-certs\"]}", "amber", "cyber").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> peer(de, frMember).get("last_error") != null);

        fr = node("fr", null, frPort, frFederationPort);
        await().atMost(Duration.ofSeconds(30)).until(() -> communityObjects(fr, "eu-certs").contains(indicator));
        assertThat(communityObjects(fr, "eu-certs")).hasSize(1);
    }

    // --- helpers

    /** The French member's id, which outlives its node being stopped. */
    private String frMember;

    Node node(String name, MemberProfile profile, int port, int federationPort) {
        NodeConfig config = NodeConfig.local(dir.resolve(name), port).withAdminToken(TOKEN).withFederationPort(federationPort);
        if (profile != null) config = config.withProfile(profile);
        Node node = Node.start(config);
        if (name.equals("fr")) frMember = node.federation().identity().member().value();
        return node;
    }

    static String member(Node n) {
        return n.federation().identity().member().value();
    }

    static TaxiiClient api(Node n) {
        return TaxiiClient.bearer(n.url(), TOKEN);
    }

    static void connect(Node from, Node to) {
        String body = "{\"url\":\"" + to.federation().url() + "\",\"fingerprint\":\"" + to.federation().identity().tls().fingerprint().hex() + "\"}";
        TaxiiClient.Response r = api(from).send(api(from).request("/api/v1/peers")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    static TaxiiClient.Response share(Node from, Map<String, Object> object, String to, String tlp, String domain) {
        String body = "{\"objects\":[" + StixJson.writeString(object) + "],\"to\":" + to + ",\"tlp\":\"" + tlp + "\",\"domain\":\"" + domain + "\"}";
        return api(from).send(api(from).request("/api/v1/share")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> peer(Node at, Node peer) {
        return peer(at, member(peer));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> peer(Node at, String member) {
        List<Map<String, Object>> peers = (List<Map<String, Object>>) api(at).get("/api/v1/peers").json().get("peers");
        return peers.stream().filter(p -> p.get("member").equals(member)).findFirst().orElseThrow();
    }

    static List<Object> communityObjects(Node n, String community) {
        return collectionObjects(n, "c-" + community);
    }

    @SuppressWarnings("unchecked")
    static List<Object> collectionObjects(Node n, String alias) {
        TaxiiClient.Response r = api(n).get("/taxii2/node/collections/" + alias + "/objects/");
        if (r.status() == 404) return List.of();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Object objects = r.json().get("objects");
        return objects == null ? List.of() : (List<Object>) objects;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
