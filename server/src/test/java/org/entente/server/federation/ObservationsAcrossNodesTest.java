package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.server.federation.FederationEndToEndTest.api;
import static org.entente.server.federation.FederationEndToEndTest.connectAll;
import static org.entente.server.federation.FederationEndToEndTest.member;
import static org.entente.server.federation.FederationEndToEndTest.putCommunity;
import static org.entente.server.federation.FederationEndToEndTest.share;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.entente.server.warn.WarningSettings;
import org.entente.server.testing.SseSubscriber;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.AddressedWarning;
import org.entente.store.CollectionInfo;
import org.entente.store.ObjectQuery;
import org.entente.store.StoredVersion;
import org.entente.store.WarningRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early identification end to end, on real HTTP and real TLS between nodes on loopback: an indicator the
 * German CERT shares with a community lights up when a matching observation is posted to the French node;
 * the French subscriber is warned over Server-Sent Events and acknowledges, the sighting is stored on the
 * French node and goes back to the German origin, which is warned too. The German member's view of the
 * French warning (its STIX report carrying the CAP alert) reaches the German node through the share path; the
 * German node, which also raises its own warning from the returned sighting, shows its subscriber one warning
 * for the event, and the German acknowledgement goes back to the French node, which records it. Misses store
 * nothing; a revoked indicator no longer matches.
 */
class ObservationsAcrossNodesTest {
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
    void aSharedIndicatorMatchedByAnObservationWarnsTheSubscriberWhoAcknowledgesAndTheSightingReachesTheOrigin() throws Exception {
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", false, "2026-01-01T00:00:00.000Z");
        String indicatorId = (String) indicator.get("id");
        shareWithCommunity(de, indicator);
        await().atMost(Duration.ofSeconds(30)).until(() -> fr.detector().indicators().version(indicatorId).isPresent());

        try (SseSubscriber subscriber = new SseSubscriber(fr.url() + "api/v1/warnings/stream", FederationEndToEndTest.TOKEN)) {
            assertThat(subscriber.status()).isEqualTo(200);
            TaxiiClient.Response posted = observe(fr, """
                    {"type":"domain-name","value":"EVIL.example.","seen":"2026-11-24T10:00:00Z"}
                    {"type":"domain-name","value":"fine.example","seen":"2026-11-24T10:00:01Z"}

                    {"type":"domain-name"}
                    this is not json
                    {"type":"domain-name","value":"evil.example","seen":"2026-11-24T10:05:00Z"}
                    """);
            assertThat(posted.status()).as(posted.text()).isEqualTo(200);
            Map<String, Object> summary = posted.json();
            assertThat(summary).containsEntry("lines", 6).containsEntry("matched", 2).containsEntry("rejected", 2);
            List<Map<String, Object>> errors = (List<Map<String, Object>>) summary.get("errors");
            assertThat(errors).extracting(e -> e.get("line")).containsExactly(4, 5);
            assertThat(errors.get(0).get("problem").toString()).contains("'value' is missing");
            assertThat(errors.get(1).get("problem").toString()).contains("not a JSON object");
            List<String> sightings = (List<String>) summary.get("sightings");
            assertThat(sightings).as("two hits of one observable are one sighting").hasSize(1);
            String sightingId = sightings.get(0);

            SseSubscriber.Event event = subscriber.next();
            assertThat(event.event()).isEqualTo("warning");
            assertThat(event.json()).containsEntry("rule", "indicator-match");
            assertThat(event.json().toString()).contains(indicatorId);
            TaxiiClient.Response ack = api(fr).send(api(fr).request("/api/v1/warnings/" + event.id() + "/ack")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(ack.status()).as(ack.text()).isEqualTo(200);
            assertThat(fr.store().warnings().recipients(event.id()))
                    .filteredOn(r -> r.member().equals(fr.federation().identity().member()))
                    .singleElement().satisfies(r -> assertThat(r.acknowledgedBy()).isEqualTo("admin"));

            Map<String, Object> sighting = stored(fr, sightingId).orElseThrow();
            assertThat(sighting).containsEntry("sighting_of_ref", indicatorId).containsEntry("count", 2)
                    .containsEntry("first_seen", "2026-11-24T10:00:00.000Z").containsEntry("last_seen", "2026-11-24T10:05:00.000Z")
                    .containsEntry("where_sighted_refs", List.of(member(fr)));
            String observedId = ((List<String>) sighting.get("observed_data_refs")).get(0);
            assertThat(stored(fr, observedId).orElseThrow()).containsEntry("number_observed", 2);
            assertThat(storedJson(fr)).as("a miss is never stored").noneMatch(json -> json.contains("fine.example"));

            await().atMost(Duration.ofSeconds(30)).until(() -> stored(de, sightingId).isPresent());
            await().atMost(Duration.ofSeconds(30)).until(() -> !de.warnings().addressedTo(de.federation().identity().member(), true).isEmpty());
            assertThat(de.warnings().addressedTo(de.federation().identity().member(), true))
                    .singleElement().satisfies(w -> assertThat(w.warning().rule()).isEqualTo("indicator-match"));
        }
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

    @Test
    @SuppressWarnings("unchecked")
    void aRevokedIndicatorNoLongerMatchesAndAMissStoresNothing() {
        Map<String, Object> indicator = indicator("[url:value = 'http://pay-parcel.example/login']", false, "2026-01-01T00:00:00.000Z");
        String indicatorId = (String) indicator.get("id");
        shareWithCommunity(de, indicator);
        await().atMost(Duration.ofSeconds(30)).until(() -> fr.detector().indicators().version(indicatorId).isPresent());
        List<String> before = storedJson(fr);

        Map<String, Object> miss = observe(fr, "{\"type\":\"url\",\"value\":\"http://pay-parcel.example/other\"}\n").json();
        assertThat(miss).containsEntry("lines", 1).containsEntry("matched", 0).containsEntry("rejected", 0);
        assertThat((List<Object>) miss.get("sightings")).isEmpty();
        assertThat(storedJson(fr)).isEqualTo(before);

        Map<String, Object> revoked = new LinkedHashMap<>(indicator);
        revoked.put("modified", "2026-02-01T00:00:00.000Z");
        revoked.put("revoked", true);
        shareWithCommunity(de, revoked);
        await().atMost(Duration.ofSeconds(30)).until(() -> fr.detector().indicators().version(indicatorId).isEmpty());

        Map<String, Object> after = observe(fr, "{\"type\":\"url\",\"value\":\"http://pay-parcel.example/login\"}\n").json();
        assertThat(after).containsEntry("matched", 0);
        assertThat((List<Object>) after.get("sightings")).isEmpty();
    }

    @Test
    void aStreamThatIsNotJsonLinesOrComesFromANonAdminIsRefused() {
        TaxiiClient.Response wrongType = api(fr).send(api(fr).request("/api/v1/observations")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.text()).contains("application/x-ndjson");
        TaxiiClient.Response anonymous = TaxiiClient.bearer(fr.url(), "wrong-token").send(TaxiiClient.bearer(fr.url(), "wrong-token")
                .request("/api/v1/observations").POST(HttpRequest.BodyPublishers.ofString("{}\n"))
                .header("Content-Type", "application/x-ndjson"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    // --- helpers

    Node node(String name, MemberProfile profile) {
        return node(dir.resolve(name), profile, WarningSettings.DEFAULT);
    }

    /** A node on loopback with real TLS between nodes, its data in {@code data}, its warn stage as given. */
    static Node node(Path data, MemberProfile profile, WarningSettings warnings) {
        return Node.start(NodeConfig.local(data, 0).withAdminToken(FederationEndToEndTest.TOKEN)
                .withFederationPort(0).withProfile(profile), warnings);
    }

    static Map<String, Object> indicator(String pattern, boolean revoked, String modified) {
        Map<String, Object> indicator = new LinkedHashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), modified));
        indicator.put("pattern", pattern);
        if (revoked) indicator.put("revoked", true);
        return indicator;
    }

    static void shareWithCommunity(Node from, Map<String, Object> object) {
        TaxiiClient.Response r = share(from, object, "{\"communities\":[\"cti\"]}", "green", "cyber");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
    }

    static TaxiiClient.Response observe(Node at, String lines) {
        return api(at).send(api(at).request("/api/v1/observations")
                .POST(HttpRequest.BodyPublishers.ofString(lines)).header("Content-Type", "application/x-ndjson"));
    }

    /** The JSON of every version the node stores, in any collection. */
    static List<String> storedJson(Node n) {
        List<String> all = new ArrayList<>();
        for (CollectionInfo c : n.store().collections().list()) {
            for (StoredVersion v : n.store().objects().find(c.id(), ObjectQuery.all().withLimit(ObjectQuery.MAX_LIMIT)).items()) all.add(v.json());
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static java.util.Optional<Map<String, Object>> stored(Node n, String id) {
        for (CollectionInfo c : n.store().collections().list()) {
            for (StoredVersion v : n.store().objects().find(c.id(), ObjectQuery.all().withIds(java.util.Set.of(id))).items()) {
                return java.util.Optional.of((Map<String, Object>) org.entente.core.stix.codec.StixJson.readTree(
                        v.json().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return java.util.Optional.empty();
    }
}
