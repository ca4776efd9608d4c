package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.server.federation.FederationEndToEndTest.api;
import static org.entente.server.federation.FederationEndToEndTest.connectAll;
import static org.entente.server.federation.FederationEndToEndTest.member;
import static org.entente.server.federation.FederationEndToEndTest.putCommunity;
import static org.entente.server.federation.ObservationsAcrossNodesTest.indicator;
import static org.entente.server.federation.ObservationsAcrossNodesTest.observe;
import static org.entente.server.federation.ObservationsAcrossNodesTest.shareWithCommunity;
import static org.entente.server.federation.ObservationsAcrossNodesTest.stored;
import static org.entente.server.federation.ObservationsAcrossNodesTest.storedJson;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SseSubscriber;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.AddressedWarning;
import org.entente.store.WarningRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings reach recipients on other nodes, on real HTTP and real TLS between nodes on loopback: an
 * observation on the French node matches the German CERT's indicator; the French node warns both members
 * and sends the German member its own view (STIX report carrying the CAP alert) through the share path. The
 * German node, which also raises its own warning from the sighting returned to it, shows its subscriber one
 * warning for the event; the German acknowledgement goes back to the French node, which records it.
 */
class WarningsAcrossNodesTest {
    @TempDir
    Path dir;

    Node de;
    Node fr;

    @BeforeEach
    void start() {
        de = node("de", new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber"));
        fr = node("fr", new MemberProfile("CERT-FR", "FR", Level.STATE, "cyber"));
        connectAll(List.of(de, fr));
        putCommunity(List.of(de, fr), "cti", "{\"members\":[\"" + member(de) + "\",\"" + member(fr)
                + "\"],\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {de, fr}) if (n != null) n.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMatchOnAnotherNodeWarnsTheIndicatorOriginOnceAndItsAcknowledgementReachesTheWarningNode() throws Exception {
        MemberId deMember = new MemberId(member(de));
        MemberId frMember = new MemberId(member(fr));
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", false, "2026-01-01T00:00:00.000Z");
        String indicatorId = (String) indicator.get("id");
        shareWithCommunity(de, indicator);
        await().atMost(Duration.ofSeconds(30)).until(() -> fr.detector().indicators().version(indicatorId).isPresent());

        try (SseSubscriber subscriber = new SseSubscriber(de.url() + "api/v1/warnings/stream", FederationEndToEndTest.TOKEN)) {
            assertThat(subscriber.status()).isEqualTo(200);
            TaxiiClient.Response posted = observe(fr, "{\"type\":\"domain-name\",\"value\":\"evil.example\"}\n");
            assertThat(posted.status()).as(posted.text()).isEqualTo(200);
            String sightingId = ((List<String>) posted.json().get("sightings")).get(0);

            await().atMost(Duration.ofSeconds(30)).until(() -> !fr.warnings().addressedTo(frMember, false).isEmpty());
            String frWarning = fr.warnings().addressedTo(frMember, false).get(0).warning().id();
            WarningRecipient deView = fr.store().warnings().recipients(frWarning).stream()
                    .filter(r -> r.member().equals(deMember)).findFirst().orElseThrow();
            String deViewId = (String) ((Map<String, Object>) StixJson.readTree(deView.report().getBytes())).get("id");

            SseSubscriber.Event event = subscriber.next();
            assertThat(event.event()).isEqualTo("warning");
            assertThat(event.json()).containsEntry("rule", "indicator-match").containsEntry("member", member(de));
            assertThat(event.json().toString()).contains(indicatorId);
            TaxiiClient.Response ack = api(de).send(api(de).request("/api/v1/warnings/" + event.id() + "/ack")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(ack.status()).as(ack.text()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> fr.warnings().addressed(frWarning, deMember)
                    .map(a -> a.recipient().isAcknowledged()).orElse(false));
            assertThat(fr.warnings().addressed(frWarning, deMember).orElseThrow().recipient().acknowledgedBy())
                    .isEqualTo("admin (" + member(de) + ")");

            // Both ways the event reached the German node have landed and been handled: its own detection of
            // the returned sighting, and the French view of the warning.
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(de, sightingId).isPresent() && stored(de, deViewId).isPresent());
            de.detector().catchUp();
            Map<String, Object> view = stored(de, deViewId).orElseThrow();
            assertThat(view).containsEntry("created_by_ref", member(fr));
            Map<String, Object> extension = (Map<String, Object>) ((Map<String, Object>) view.get("extensions")).values().iterator().next();
            assertThat(extension).containsEntry("extension_type", "property-extension").containsEntry("recipient_ref", member(de));
            assertThat((String) extension.get("cap_xml")).contains("<alert").contains(frWarning);
            String definition = ((Map<String, Object>) view.get("extensions")).keySet().iterator().next();
            assertThat(stored(de, definition)).as("the extension is defined alongside").isPresent();
            assertThat(storedJson(de)).as("the French node sent the German member its own view and no other")
                    .filteredOn(json -> json.contains("\"recipient_ref\"") && json.contains("\"created_by_ref\":\"" + member(fr) + "\""))
                    .singleElement().satisfies(json -> assertThat(json).contains("\"recipient_ref\":\"" + member(de) + "\""));

            List<AddressedWarning> deWarnings = de.warnings().addressedTo(deMember, false);
            assertThat(deWarnings).as("one warning for one event").singleElement()
                    .satisfies(w -> assertThat(w.recipient().acknowledgedBy()).isEqualTo("admin"));
            assertThat(subscriber.pending()).as("no second warning streamed").isEmpty();
        }
    }

    Node node(String name, MemberProfile profile) {
        return Node.start(NodeConfig.local(dir.resolve(name), 0).withAdminToken(FederationEndToEndTest.TOKEN)
                .withFederationPort(0).withProfile(profile));
    }
}
