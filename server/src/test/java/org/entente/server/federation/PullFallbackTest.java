package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.entente.server.federation.FederationEndToEndTest.api;
import static org.entente.server.federation.FederationEndToEndTest.communityObjects;
import static org.entente.server.federation.FederationEndToEndTest.freePort;
import static org.entente.server.federation.FederationEndToEndTest.member;
import static org.entente.server.federation.FederationEndToEndTest.peer;
import static org.entente.server.federation.FederationEndToEndTest.putCommunity;
import static org.entente.server.federation.FederationEndToEndTest.share;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.federation.envelope.EnvelopeSigner;
import org.entente.federation.identity.SelfSignedTlsCertificates;
import org.entente.federation.sync.DeliveryResult;
import org.entente.federation.sync.OutboxPage;
import org.entente.federation.sync.PeerClient;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.OutboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The pull fallback, with three nodes on loopback over mutual TLS. The German node can be reached; the
 * French node cannot (the address the German node has for it is a closed port), so it pulls its queue from
 * the German node and pushes its own shares there. The Dutch node is a peer of the German node outside
 * the community.
 */
class PullFallbackTest {
    @TempDir
    Path dir;

    Node de;
    Node fr;
    Node nl;
    int frPort;
    int frFederationPort;
    String frMember;

    @BeforeEach
    void start() throws IOException {
        frPort = freePort();
        frFederationPort = freePort();
        de = node("de", new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber"));
        fr = node("fr", new MemberProfile("CERT-FR", "FR", Level.STATE, "cyber"));
        nl = node("nl", new MemberProfile("NL banks fraud unit", "NL", Level.SECTORAL, "finance"));
        frMember = member(fr);
        connect(de, nl, "push");
        connect(nl, de, "push");
        // The German node cannot reach the French one: its operator enrols it over REST from the identity
        // document the French operator sent with the fingerprint, at an address that goes nowhere.
        String body = StixJson.writeString(StixJson.object("url", "https://127.0.0.1:" + freePort() + "/",
                "fingerprint", fr.federation().identity().tls().fingerprint().hex(), "mode", "pulled",
                "identity", StixJson.readTree(IdentityDocument.of(fr.federation().identity(), fr.store().members().local().orElseThrow()).toJson())));
        TaxiiClient.Response enrolled = api(de).send(api(de).request("/api/v1/peers")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        connect(fr, de, "pull");
        putCommunity(List.of(de, fr, nl), "eu-certs", "{\"members\":[\"" + member(de) + "\",\"" + frMember + "\"],"
                + "\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {de, fr, nl}) if (n != null) n.close();
    }

    @Test
    void aPeerThatCannotBeReachedPullsExactlyWhatWasSharedWithItOnceAndStillPushesItsOwn() {
        List<Map<String, Object>> indicators = indicators(3);
        for (Map<String, Object> indicator : indicators) {
            assertThat(share(de, indicator, "{\"communities\":[\"eu-certs\"]}", "green", "cyber").status()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> communityObjects(fr, "eu-certs").size() == 3);
        assertThat(communityObjects(fr, "eu-certs")).containsExactlyInAnyOrderElementsOf(indicators);
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) peer(de, frMember).get("pending")).intValue() == 0);
        Map<String, Object> frAtDe = peer(de, frMember);
        assertThat(frAtDe.get("mode")).isEqualTo("pulled");
        // Nothing was ever pushed to the closed port: no delivery failed.
        assertThat(frAtDe.get("last_error")).isNull();
        assertThat(frAtDe.get("last_delivered")).isNotNull();
        Map<String, Object> deAtFr = peer(fr, de);
        assertThat(deAtFr.get("mode")).isEqualTo("pull");
        assertThat(deAtFr.get("pull").toString()).contains("pulled_through").doesNotContain("last_error");

        Map<String, Object> reply = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-02-01T00:00:00.000Z");
        assertThat(share(fr, reply, "{\"communities\":[\"eu-certs\"]}", "green", "cyber").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> communityObjects(de, "eu-certs").contains(reply));
        assertThat(communityObjects(nl, "eu-certs")).isEmpty();
    }

    @Test
    void aPullerRestartedMidPullResumesWhereItStoppedWithoutStoringAnythingTwice() {
        fr.close();
        fr = null;
        List<Map<String, Object>> indicators = indicators(30);
        for (Map<String, Object> indicator : indicators) {
            assertThat(share(de, indicator, "{\"communities\":[\"eu-certs\"]}", "green", "cyber").status()).isEqualTo(202);
        }
        List<OutboxEntry> queued = de.store().outbox().after(new MemberId(frMember), 0, 100);
        assertThat(queued).hasSize(30);

        // As after a crash between storing and moving the cursor, the first envelopes reach the French node
        // both by pull and, from the side, by push (whichever comes first stores them).
        fr = node("fr", null);
        PeerClient asDe = new PeerClient(URI.create(fr.federation().url()), de.federation().identity().tls(),
                fr.federation().identity().tls().fingerprint(), Duration.ofSeconds(10));
        for (OutboxEntry entry : queued.subList(0, 2)) {
            assertThat(asDe.deliver(entry.envelope()).kind()).isIn(DeliveryResult.Kind.ACCEPTED, DeliveryResult.Kind.DUPLICATE);
        }
        // And a crash mid-pull: stopped as soon as the cursor moved.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> fr.store().pullCursors().cursor(new MemberId(member(de))).pulledThrough() > 0);
        fr.close();
        fr = node("fr", null);

        await().atMost(Duration.ofSeconds(30)).until(() -> communityObjects(fr, "eu-certs").size() >= 30);
        assertThat(communityObjects(fr, "eu-certs")).hasSize(30).containsExactlyInAnyOrderElementsOf(indicators);
        for (OutboxEntry entry : queued) assertThat(fr.store().inbox().find(entry.envelopeId())).isPresent();
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) peer(de, frMember).get("pending")).intValue() == 0);
        assertThat(fr.store().pullCursors().cursor(new MemberId(member(de))).pulledThrough()).isEqualTo(queued.getLast().seq());
    }

    @Test
    void aForgedEnvelopeServedByAPeerIsRefusedAndLoggedAndWhatFollowsItStillArrives() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger puller = (Logger) LoggerFactory.getLogger("org.entente.federation.sync.OutboxPuller");
        log.start();
        puller.addAppender(log);
        try {
            Map<String, Object> forgedIndicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
            byte[] genuine = new EnvelopeSigner(de.federation().identity(), Clock.systemUTC(), new SecureRandom())
                    .sign(Distribution.toCommunities("eu-certs"), EnvelopeMarkings.of(Tlp.GREEN, "cyber"),
                            List.of(StixJson.toObject(forgedIndicator, "test"))).raw().bytes();
            byte[] altered = new String(genuine, StandardCharsets.UTF_8)
                    .replace("parcel-redelivery.example", "innocent.example").getBytes(StandardCharsets.UTF_8);
            // The German node turned malicious: it serves an envelope altered after it was signed.
            de.store().outbox().enqueue(new MemberId(frMember), "envelope--altered", altered);
            Map<String, Object> after = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-02T00:00:00.000Z");
            assertThat(share(de, after, "{\"communities\":[\"eu-certs\"]}", "green", "cyber").status()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).until(() -> communityObjects(fr, "eu-certs").contains(after));
            assertThat(communityObjects(fr, "eu-certs")).containsExactly(after);
            assertThat(List.copyOf(log.list)).anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .contains("refused the envelope").contains(member(de)).contains("BAD_SIGNATURE"));
        } finally {
            puller.detachAppender(log);
        }
    }

    @Test
    void aPeerReadsOnlyItsOwnQueueAndACertificateNotPinnedReadsNothing() throws IOException {
        fr.close();
        fr = null;
        Map<String, Object> indicator = SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z");
        assertThat(share(de, indicator, "{\"communities\":[\"eu-certs\"]}", "amber", "cyber").status()).isEqualTo(202);
        assertThat(((Number) peer(de, frMember).get("pending")).intValue()).isEqualTo(1);

        PeerClient asNl = new PeerClient(URI.create(de.federation().url()), nl.federation().identity().tls(),
                de.federation().identity().tls().fingerprint(), Duration.ofSeconds(10));
        OutboxPage nlPage = asNl.outbox(0, 100, 1 << 20);
        assertThat(nlPage.entries()).isEmpty();
        assertThat(nlPage.more()).isFalse();
        assertThatThrownBy(() -> asNl.outbox(-1, 100, 1 << 20)).isInstanceOf(IOException.class)
                .hasMessageContaining("400").hasMessageContaining("after must be from 0");

        var stranger = new SelfSignedTlsCertificates(new SecureRandom()).create(new MemberId(frMember), Instant.now());
        PeerClient asStranger = new PeerClient(URI.create(de.federation().url()), stranger,
                de.federation().identity().tls().fingerprint(), Duration.ofSeconds(10));
        assertThatThrownBy(() -> asStranger.outbox(0, 100, 1 << 20)).isInstanceOf(IOException.class)
                .hasMessageContaining("403");

        // Neither asking confirmed anything of the French queue.
        assertThat(((Number) peer(de, frMember).get("pending")).intValue()).isEqualTo(1);
        assertThat(TaxiiClient.bearer(de.url(), FederationEndToEndTest.TOKEN).get("/api/v1/peers").text()).contains("\"pulled\"");
    }

    // --- helpers

    Node node(String name, MemberProfile profile) {
        int port = name.equals("fr") ? frPort : 0;
        int federationPort = name.equals("fr") ? frFederationPort : 0;
        NodeConfig config = NodeConfig.local(dir.resolve(name), port).withAdminToken(FederationEndToEndTest.TOKEN)
                .withFederationPort(federationPort);
        if (profile != null) config = config.withProfile(profile);
        return Node.start(config);
    }

    static void connect(Node from, Node to, String mode) {
        String body = "{\"url\":\"" + to.federation().url() + "\",\"fingerprint\":\"" + to.federation().identity().tls().fingerprint().hex()
                + "\",\"mode\":\"" + mode + "\"}";
        TaxiiClient.Response r = api(from).send(api(from).request("/api/v1/peers")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.text()).contains("\"mode\":\"" + mode + "\"");
    }

    static List<Map<String, Object>> indicators(int count) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indicators.add(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"));
        }
        return indicators;
    }
}
