package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.server.federation.FederationEndToEndTest.connectAll;
import static org.entente.server.federation.FederationEndToEndTest.member;
import static org.entente.server.federation.FederationEndToEndTest.putCommunity;
import static org.entente.server.federation.ObservationsAcrossNodesTest.indicator;
import static org.entente.server.federation.ObservationsAcrossNodesTest.node;
import static org.entente.server.federation.ObservationsAcrossNodesTest.observe;
import static org.entente.server.federation.ObservationsAcrossNodesTest.shareWithCommunity;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.sync.Backoff;
import org.entente.server.Node;
import org.entente.server.cli.EntenteCommand;
import org.entente.server.testing.SseSubscriber;
import org.entente.server.testing.TaxiiClient;
import org.entente.server.warn.CrossBorderClusterRule;
import org.entente.server.warn.IndicatorMatchRule;
import org.entente.server.warn.WarningSettings;
import org.entente.store.StoredWarning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Escalations and acknowledgements between two nodes on loopback with real TLS: the French node warns the
 * German member of a match of the German indicator; unacknowledged past its deadline, the warning escalates on
 * the French node, and the German node shows the escalation to its Server-Sent Events and webhook subscribers
 * once. The German duty officer acknowledges it with {@code entente warnings ack} on the running node's data
 * directory, and the acknowledgement reaches the French node without a restart.
 */
class WarningsAcrossNodesTest {
    @TempDir
    Path dir;

    Node de;
    Node fr;
    HttpServer webhooks;
    final List<Map<String, Object>> hooked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        // The German node raises no indicator-match warnings of its own, so that what it shows is the French node's.
        de = node(dir.resolve("de"), new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber"), new WarningSettings(
                List.of(new CrossBorderClusterRule(3)), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(200), Backoff.DEFAULT));
        // The French node's warnings are overdue at once; the test runs the escalation check itself.
        fr = node(dir.resolve("fr"), new MemberProfile("CERT-FR", "FR", Level.STATE, "cyber"), new WarningSettings(
                List.of(new IndicatorMatchRule()), Duration.ofMillis(1), Duration.ofHours(1), Duration.ofMillis(200), Backoff.DEFAULT));
        connectAll(List.of(de, fr));
        putCommunity(List.of(de, fr), "cti", "{\"members\":[\"" + member(de) + "\",\"" + member(fr)
                + "\"],\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.createContext("/hook", exchange -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) StixJson.readTree(exchange.getRequestBody().readAllBytes());
            hooked.add(body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhooks.start();
    }

    @AfterEach
    void stop() {
        if (webhooks != null) webhooks.stop(0);
        for (Node n : new Node[] {de, fr}) if (n != null) n.close();
    }

    @Test
    void anEscalationOnTheOriginIsShownOnceOnTheRecipientsNodeAndACommandLineAcknowledgementGoesBackWhileItRuns() throws Exception {
        MemberId deMember = new MemberId(member(de));
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", false, "2026-01-01T00:00:00.000Z");
        shareWithCommunity(de, indicator);
        await().atMost(Duration.ofSeconds(30)).until(() -> fr.detector().indicators().version((String) indicator.get("id")).isPresent());
        de.warnings().subscribe(deMember, "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/hook", "hook-secret");

        try (SseSubscriber subscriber = new SseSubscriber(de.url() + "api/v1/warnings/stream", FederationEndToEndTest.TOKEN)) {
            assertThat(subscriber.status()).isEqualTo(200);
            TaxiiClient.Response posted = observe(fr, "{\"type\":\"domain-name\",\"value\":\"evil.example\"}\n");
            assertThat(posted.status()).as(posted.text()).isEqualTo(200);

            SseSubscriber.Event first = subscriber.next();
            assertThat(first.json()).containsEntry("rule", "indicator-match").containsEntry("member", member(de));
            String original = first.id();

            List<StoredWarning> escalated = fr.warnings().escalateOverdue();
            assertThat(escalated).singleElement().satisfies(e -> assertThat(e.escalates()).isEqualTo(original));
            assertThat(fr.warnings().escalateOverdue()).as("a warning escalates once").isEmpty();
            String escalation = escalated.get(0).id();

            SseSubscriber.Event second = subscriber.next();
            assertThat(second.id()).isEqualTo(escalation);
            assertThat(second.json()).containsEntry("rule", "escalation").containsEntry("escalates", original)
                    .containsEntry("severity", "Extreme");
            assertThat((String) second.json().get("cap")).contains("<msgType>Update</msgType>");
            await().atMost(Duration.ofSeconds(30)).until(() -> hooked.stream().map(h -> h.get("id")).toList().containsAll(List.of(original, escalation)));
            assertThat(de.warnings().addressed(original, deMember).orElseThrow().warning().escalated())
                    .as("the German node's copy of the original is marked escalated").isNotNull();

            // The duty officer acknowledges on the command line, against the running node's store.
            StringWriter out = new StringWriter();
            CommandLine cli = EntenteCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            int exit = cli.execute("warnings", "ack", escalation, "--by", "night-shift", "--data", dir.resolve("de").toString());
            assertThat(exit).as(out.toString()).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> fr.warnings().addressed(escalation, deMember)
                    .map(a -> a.recipient().isAcknowledged()).orElse(false));
            assertThat(fr.warnings().addressed(escalation, deMember).orElseThrow().recipient().acknowledgedBy())
                    .isEqualTo("night-shift (" + member(de) + ")");

            assertThat(subscriber.pending()).as("the escalation was streamed once").isEmpty();
            assertThat(hooked).extracting(h -> h.get("id")).as("each warning posted to the webhook once")
                    .containsExactlyInAnyOrder(original, escalation);
        }
    }
}
