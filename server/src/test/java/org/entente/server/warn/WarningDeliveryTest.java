package org.entente.server.warn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.entente.core.cap.Alert;
import org.entente.core.cap.Status;
import org.entente.core.cap.codec.CapXml;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.sync.Backoff;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.detect.Detection;
import org.entente.server.detect.DetectionKind;
import org.entente.server.detect.Evidence;
import org.entente.server.testing.SseSubscriber;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.StoredWarning;
import org.entente.store.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings delivered by a started node over real HTTP on loopback: Server-Sent Events with replay,
 * acknowledgement through the REST API, the CAP alert as application/cap+xml, and signed webhooks
 * retried until they answer 2xx, across a restart of the node.
 */
class WarningDeliveryTest {
    private static final String TOKEN = "warning-admin-token";
    private static final String SECRET = "a-webhook-secret-of-some-length";
    private static final Member D = new Member(MemberId.ofPublicKey("d".getBytes(StandardCharsets.UTF_8)), "Partner CERT", "AT",
            Level.STATE, "cyber");
    private static final WarningSettings QUICK = new WarningSettings(
            List.of(new IndicatorMatchRule(), new CrossBorderClusterRule(3)), Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofMillis(100), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofHours(1)));

    @TempDir
    Path data;

    private Node node;
    private HttpServer receiver;

    private Node start() {
        node = Node.start(NodeConfig.local(data, 0).withAdminToken(TOKEN), QUICK);
        MemberId local = node.store().members().local().orElseThrow().id();
        node.store().members().save(D);
        node.store().communities().save(new Community("partners",
                new Charter(Set.of(local, D.id()), Set.of(), Tlp.AMBER, false, false)));
        return node;
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
        if (receiver != null) receiver.stop(0);
    }

    /** D's indicator, shared with the community, matched by an observation of this node's member. */
    private StoredWarning raiseMatch() {
        Member local = node.store().members().local().orElseThrow();
        Evidence indicator = new Evidence("indicator--" + UUID.randomUUID(), D,
                SharingLabels.of(D.id(), Distribution.toCommunities("partners"), Tlp.AMBER, "cyber"));
        Evidence observation = new Evidence("observed-data--" + UUID.randomUUID(), local,
                SharingLabels.of(local.id(), Distribution.ORGANISATION, Tlp.AMBER, "cyber"));
        return node.warnings().raise(new Detection(DetectionKind.INDICATOR_MATCH, indicator.objectId(),
                List.of(indicator, observation), Instant.now(), false)).get(0);
    }

    private TaxiiClient api() {
        return TaxiiClient.bearer(node.url(), TOKEN);
    }

    @Test
    void aWarningReachesAnSseSubscriberIsAcknowledgedAndTheAcknowledgementIsRecorded() throws Exception {
        start();
        StoredWarning before = raiseMatch();
        StoredWarning live;

        try (SseSubscriber sse = new SseSubscriber(node.url() + "api/v1/warnings/stream", TOKEN)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");
            SseSubscriber.Event replayed = sse.next();
            assertThat(replayed.event()).isEqualTo("warning");
            assertThat(replayed.id()).isEqualTo(before.id());
            assertThat(replayed.json()).containsEntry("rule", "indicator-match").containsEntry("status", "Actual");
            assertThat(replayed.json().get("report")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("type", "report");

            live = raiseMatch();
            assertThat(sse.next().id()).isEqualTo(live.id());

            TaxiiClient.Response ack = api().send(api().request("/api/v1/warnings/" + before.id() + "/ack")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(ack.status()).isEqualTo(200);
            assertThat(ack.json()).containsEntry("acknowledged_by", "admin");

            Map<String, Object> recorded = api().get("/api/v1/warnings/" + before.id()).json();
            assertThat(recorded.get("acknowledged")).isNotNull();
            assertThat(recorded.get("delivered")).isNotNull();
            assertThat(node.store().warnings().recipients(before.id())).singleElement()
                    .satisfies(r -> assertThat(r.acknowledgedBy()).isEqualTo("admin"));

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> open = (List<Map<String, Object>>) api().get("/api/v1/warnings?unacknowledged=true").json().get("warnings");
            assertThat(open).extracting(w -> w.get("id")).containsExactly(live.id());
        }

        try (SseSubscriber again = new SseSubscriber(node.url() + "api/v1/warnings/stream", TOKEN)) {
            assertThat(again.next().id()).as("only the unacknowledged warning is replayed").isEqualTo(live.id());
        }
    }

    @Test
    void theCapAlertIsServedAsCapXmlAndUnknownOrUnaddressedWarningsAreNotFound() {
        start();
        StoredWarning w = raiseMatch();

        TaxiiClient.Response cap = api().get("/api/v1/warnings/" + w.id() + "/cap");
        assertThat(cap.status()).isEqualTo(200);
        assertThat(cap.header("Content-Type")).startsWith("application/cap+xml");
        Alert alert = new CapXml().read(cap.raw());
        assertThat(alert.identifier()).isEqualTo(w.id());
        assertThat(alert.status()).isEqualTo(Status.Actual);
        assertThat(alert.sender()).isEqualTo(node.store().members().local().orElseThrow().id().value());

        assertThat(api().get("/api/v1/warnings/" + UUID.randomUUID()).status()).isEqualTo(404);
        // Addressed to this node's member only: D's view does not exist, and D was not warned at all.
        assertThat(api().get("/api/v1/warnings/" + w.id() + "?member=" + D.id().value()).status()).isEqualTo(404);
        assertThat(TaxiiClient.bearer(node.url(), "wrong").get("/api/v1/warnings/stream").status()).isEqualTo(401);
        TaxiiClient.Response notAStreamClient = api().get("/api/v1/warnings/stream");
        assertThat(notAStreamClient.status()).isEqualTo(406);
        assertThat(notAStreamClient.json().get("detail").toString()).contains("Accept: text/event-stream");
    }

    @Test
    void aWebhookGetsTheWarningSignedAndIsRetriedUntilItAnswers2xx() throws Exception {
        start();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        String url = receiver(exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst("X-Entente-Signature"));
            return calls.incrementAndGet() == 1 ? 500 : 204;
        });
        TaxiiClient.Response subscribed = api().post("/api/v1/warnings/subscriptions",
                StixJson.write(StixJson.object("url", url, "secret", SECRET)), "application/json");
        assertThat(subscribed.status()).isEqualTo(201);
        assertThat(subscribed.text()).doesNotContain(SECRET);

        StoredWarning w = raiseMatch();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(calls.get()).isEqualTo(2));
        for (int i = 0; i < 2; i++) assertThat(signatures.get(i)).isEqualTo("sha256=" + hmac(SECRET, bodies.get(i)));
        assertThat(new String(bodies.get(1), StandardCharsets.UTF_8)).contains(w.id()).contains("\"type\":\"report\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(node.store().warnings().recipients(w.id()).get(0).delivered()).isNotNull());
        assertThat(node.store().warnings().dueDeliveries(Instant.now().plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void aPendingWebhookDeliverySurvivesARestartOfTheNode() throws Exception {
        start();
        AtomicInteger status = new AtomicInteger(503);
        AtomicInteger calls = new AtomicInteger();
        String url = receiver(exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            return status.get();
        });
        node.warnings().subscribe(node.store().members().local().orElseThrow().id(), url, SECRET);
        StoredWarning w = raiseMatch();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(calls.get()).isPositive());
        node.close();
        node = null;

        status.set(200);
        start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(node.store().warnings().recipients(w.id()).get(0).delivered()).isNotNull());
        List<WebhookDelivery> pending = node.store().warnings().dueDeliveries(Instant.now().plusSeconds(3600), 10);
        assertThat(pending).isEmpty();
    }

    interface Responder {
        int respond(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException;
    }

    private String receiver(Responder responder) throws java.io.IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            int status = responder.respond(exchange);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
