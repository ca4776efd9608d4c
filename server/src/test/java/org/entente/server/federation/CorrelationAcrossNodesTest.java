package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.server.federation.FederationEndToEndTest.api;
import static org.entente.server.federation.FederationEndToEndTest.connectAll;
import static org.entente.server.federation.FederationEndToEndTest.putCommunity;
import static org.entente.server.federation.FederationEndToEndTest.member;
import static org.entente.server.federation.FederationEndToEndTest.share;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.entente.core.observable.ObservableKind;
import org.entente.core.observable.Observables;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.index.Holding;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correlation over real HTTP and real federation: members of three countries on three nodes report the
 * same fraud phone number, each written its own way; the German node sees one observable, a cross-border
 * cluster, who else has it and what is linked, and nothing the sharing policy keeps from the asking member.
 */
class CorrelationAcrossNodesTest {
    static final String PHONE = "+49 151 1234 5678";

    @TempDir
    Path dir;

    Node de;
    Node fr;
    Node nl;

    @BeforeEach
    void start() {
        de = node("de", new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber"));
        fr = node("fr", new MemberProfile("Banque de France fraud desk", "FR", Level.SECTORAL, "finance"));
        nl = node("nl", new MemberProfile("NL banks fraud unit", "NL", Level.SECTORAL, "finance"));
        connectAll(List.of(de, fr, nl));
        putCommunity(List.of(de, fr, nl), "fraud-eu", "{\"members\":[\"" + member(de) + "\",\"" + member(fr) + "\",\""
                + member(nl) + "\"],\"domains\":[\"fraud\",\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {de, fr, nl}) if (n != null) n.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhoneNumberReportedInThreeCountriesFormsAClusterAndItsHoldersAndLinksAreFound() {
        Map<String, Object> fromDe = indicator("[x-entente-phone-number:value = '" + PHONE + "']");
        Map<String, Object> fromFr = indicator("[x-entente-phone-number:value = '+4915112345678']");
        Map<String, Object> fromNl = indicator("[x-entente-phone-number:value = '+49-151-12345678' OR domain-name:value = 'pay-parcel.example']");
        Map<String, Object> sighting = sighting((String) fromDe.get("id"), member(de));
        shareWithCommunity(de, fromDe);
        shareWithCommunity(de, sighting);
        shareWithCommunity(fr, fromFr);
        shareWithCommunity(nl, fromNl);

        await().atMost(Duration.ofSeconds(30)).until(() -> clusters(de, 3).size() == 1);
        Map<String, Object> cluster = clusters(de, 3).get(0);
        assertThat(cluster.get("observable")).isEqualTo(Map.of("type", "phone-number", "value", "+4915112345678"));
        assertThat(cluster.get("countries")).isEqualTo(List.of("DE", "FR", "NL"));
        assertThat(clusters(de, 4)).isEmpty();
        // The detect stage turned the cluster the index reached into a warning for the German member.
        await().atMost(Duration.ofSeconds(30)).until(() -> de.warnings().addressedTo(de.federation().identity().member(), false)
                .stream().anyMatch(w -> w.warning().rule().equals("cross-border-cluster")));

        Map<String, Object> holders = api(de).get("/api/v1/correlation/observables",
                Map.of("type", "x-entente-phone-number", "value", "+49 (151) 1234-5678")).json();
        assertThat((List<Object>) holders.get("members")).containsExactlyInAnyOrder(member(de), member(fr), member(nl));
        assertThat(ids(holders.get("objects"))).containsExactlyInAnyOrder(
                fromDe.get("id"), fromFr.get("id"), fromNl.get("id"), sighting.get("id"));

        Map<String, Object> around = api(de).get("/api/v1/correlation/objects/" + fromDe.get("id") + "/neighbourhood").json();
        // The warning reports of the cluster shared between the nodes refer to the indicator too.
        assertThat(ids(around.get("objects"))).filteredOn(id -> !id.toString().startsWith("report--")).containsExactlyInAnyOrder(
                fromDe.get("id"), fromFr.get("id"), fromNl.get("id"), sighting.get("id"));
        assertThat(around.get("edges").toString()).contains("kind=reference").contains("kind=observable");
    }

    @Test
    void aMemberIsNeverToldOfWhatItMayNotSeeNotEvenAsACount() {
        Map<String, Object> fromDe = indicator("[x-entente-phone-number:value = '" + PHONE + "']");
        Map<String, Object> fromNl = indicator("[x-entente-phone-number:value = '+4915112345678']");
        Map<String, Object> fromFrToDeOnly = indicator("[x-entente-phone-number:value = '+49 1511 2345678']");
        shareWithCommunity(de, fromDe);
        shareWithCommunity(nl, fromNl);
        TaxiiClient.Response bilateral = share(fr, fromFrToDeOnly, "{\"members\":[\"" + member(de) + "\"]}", "amber", "fraud");
        assertThat(bilateral.status()).as(bilateral.text()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> clusters(de, 3).size() == 1);
        var phone = Observables.normalise(ObservableKind.PHONE_NUMBER, PHONE);
        MemberId nlMember = nl.federation().identity().member();
        de.correlationIndexer().catchUp();

        // The same index on the German node, asked for the Dutch member: FR's bilateral report stays hidden.
        assertThat(de.correlation().holders(de.federation().identity().member(), phone).holdings())
                .extracting(Holding::objectId).contains((String) fromFrToDeOnly.get("id"));
        assertThat(de.correlation().holders(nlMember, phone).holdings())
                .extracting(Holding::objectId).containsExactlyInAnyOrder((String) fromDe.get("id"), (String) fromNl.get("id"));
        assertThat(de.correlation().holders(nlMember, phone).countries()).containsExactly("DE", "NL");
        assertThat(de.correlation().clusters(nlMember, 3, Duration.ofDays(7))).isEmpty();
        assertThat(de.correlation().neighbourhood(nlMember, (String) fromFrToDeOnly.get("id"), 1)).isEmpty();
        assertThat(de.correlation().neighbourhood(nlMember, (String) fromDe.get("id"), 1).orElseThrow().objects())
                .extracting(n -> n.id()).doesNotContain((String) fromFrToDeOnly.get("id"));
    }

    @Test
    void badQueriesGetAClearError() {
        assertThat(api(de).get("/api/v1/correlation/observables", Map.of("type", "phone-number")).text())
                .contains("'value' is required");
        assertThat(api(de).get("/api/v1/correlation/observables", Map.of("type", "shoe-size", "value", "44")).text())
                .contains("'shoe-size' is not an observable type");
        TaxiiClient.Response badPhone = api(de).get("/api/v1/correlation/observables", Map.of("type", "phone-number", "value", "call me"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.text()).contains("call me");
        assertThat(api(de).get("/api/v1/correlation/clusters", Map.of("window", "a week")).text()).contains("ISO 8601 duration");
        assertThat(api(de).get("/api/v1/correlation/clusters", Map.of("k", "0")).status()).isEqualTo(400);
        assertThat(api(de).get("/api/v1/correlation/objects/indicator--00000000-0000-4000-8000-000000000000/neighbourhood",
                Map.of("depth", "9")).text()).contains("'depth' must be a whole number from 1 to 3");
        assertThat(api(de).get("/api/v1/correlation/objects/indicator--00000000-0000-4000-8000-000000000000/neighbourhood").status())
                .isEqualTo(404);
    }

    // --- helpers

    Node node(String name, MemberProfile profile) {
        return Node.start(NodeConfig.local(dir.resolve(name), 0).withAdminToken(FederationEndToEndTest.TOKEN)
                .withFederationPort(0).withProfile(profile));
    }

    static void shareWithCommunity(Node from, Map<String, Object> object) {
        TaxiiClient.Response r = share(from, object, "{\"communities\":[\"fraud-eu\"]}", "green", "fraud");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> clusters(Node at, int k) {
        TaxiiClient.Response r = api(at).get("/api/v1/correlation/clusters", Map.of("k", String.valueOf(k), "window", "P7D"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return (List<Map<String, Object>>) r.json().get("clusters");
    }

    @SuppressWarnings("unchecked")
    static List<Object> ids(Object objects) {
        return ((List<Map<String, Object>>) objects).stream().map(o -> o.get("id")).toList();
    }

    static Map<String, Object> indicator(String pattern) {
        Map<String, Object> indicator = new java.util.LinkedHashMap<>(
                SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"));
        indicator.put("name", "fraud phone number");
        indicator.put("pattern", pattern);
        return indicator;
    }

    static Map<String, Object> sighting(String indicatorId, String sightedBy) {
        return StixJson.object("type", "sighting", "spec_version", "2.1", "id", SampleObjects.id("sighting"),
                "created", "2026-01-02T00:00:00.000Z", "modified", "2026-01-02T00:00:00.000Z",
                "sighting_of_ref", indicatorId, "where_sighted_refs", List.of(sightedBy));
    }
}
