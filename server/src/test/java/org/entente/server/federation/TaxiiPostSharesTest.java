package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.server.federation.FederationEndToEndTest.api;
import static org.entente.server.federation.FederationEndToEndTest.communityObjects;
import static org.entente.server.federation.FederationEndToEndTest.connectAll;
import static org.entente.server.federation.FederationEndToEndTest.member;
import static org.entente.server.federation.FederationEndToEndTest.putCommunity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.core.policy.Tlp;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing is one call whichever door it comes through (issue 3, item 6): a TAXII POST by a node's own user
 * into a community's collection shares to that community, over the same signed envelopes as a REST share,
 * on three nodes talking over mutual TLS on loopback.
 */
class TaxiiPostSharesTest {
    private static final String COMMUNITY_OBJECTS = "/taxii2/node/collections/c-eu-certs/objects/";

    @TempDir
    Path dir;

    Node de;
    Node fr;
    Node nl;

    @BeforeEach
    void start() {
        de = node("de", new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber"));
        fr = node("fr", new MemberProfile("CERT-FR", "FR", Level.STATE, "cyber"));
        nl = node("nl", new MemberProfile("NL banks fraud unit", "NL", Level.SECTORAL, "finance"));
        connectAll(List.of(de, fr, nl));
        putCommunity(List.of(de, fr, nl), "eu-certs", "{\"members\":[\"" + member(de) + "\",\"" + member(fr) + "\"],"
                + "\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {de, fr, nl}) if (n != null) n.close();
    }

    @Test
    void anObjectPostedIntoACommunityCollectionReachesTheCommunityAndNobodyElse() {
        Map<String, Object> indicator = indicator();
        TaxiiClient.Response posted = post(de, indicator);
        assertThat(posted.status()).as(posted.text()).isEqualTo(202);
        assertThat(posted.json()).containsEntry("success_count", 1).containsEntry("failure_count", 0);

        await().atMost(Duration.ofSeconds(20)).until(() -> communityObjects(fr, "eu-certs").contains(indicator));
        assertThat(communityObjects(nl, "eu-certs")).isEmpty();
        assertThat(FederationEndToEndTest.peer(de, fr).get("pending")).isEqualTo(0);
        assertThat(FederationEndToEndTest.peer(de, nl).get("pending")).isEqualTo(0);
    }

    @Test
    void anObjectMarkedAboveWhatTheCommunityCarriesIsRefusedByNameAndNeverSent() {
        Map<String, Object> red = indicator();
        red.put("object_marking_refs", List.of(Tlp.RED.markingId()));
        Map<String, Object> green = indicator();
        green.put("object_marking_refs", List.of(Tlp.GREEN.markingId()));

        TaxiiClient.Response posted = post(de, red, green);
        assertThat(posted.status()).as(posted.text()).isEqualTo(202);
        assertThat(posted.json()).containsEntry("success_count", 1).containsEntry("failure_count", 1);
        assertThat(posted.text()).contains((String) red.get("id")).contains("does not carry");

        // Envelopes go out in order: once the green one is there, the red one would have been before it.
        await().atMost(Duration.ofSeconds(20)).until(() -> communityObjects(fr, "eu-certs").contains(green));
        assertThat(communityObjects(fr, "eu-certs")).doesNotContain(red);
        assertThat(api(de).get(COMMUNITY_OBJECTS).text()).doesNotContain((String) red.get("id"));
    }

    @Test
    void aNodeWhoseMemberIsNotInTheCommunityMayNotPostIntoItsCollection() {
        TaxiiClient.Response posted = post(nl, indicator());
        assertThat(posted.status()).as(posted.text()).isEqualTo(403);
        assertThat(posted.text()).contains("not in community eu-certs");
        assertThat(communityObjects(nl, "eu-certs")).isEmpty();
    }

    @Test
    void aReceivingNodeCannotChangeTheOriginsObjectByPostingIt() {
        Map<String, Object> indicator = indicator();
        assertThat(post(de, indicator).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> communityObjects(fr, "eu-certs").contains(indicator));

        Map<String, Object> altered = new HashMap<>(indicator);
        altered.put("modified", "2026-02-01T00:00:00.000Z");
        altered.put("name", "altered by another member");
        TaxiiClient.Response posted = post(fr, altered);
        assertThat(posted.status()).as(posted.text()).isEqualTo(202);
        assertThat(posted.json()).containsEntry("success_count", 0).containsEntry("failure_count", 1);
        assertThat(posted.text()).contains("only its origin " + member(de) + " may change it");
        assertThat(communityObjects(fr, "eu-certs")).containsExactly(indicator);
    }

    private Node node(String name, MemberProfile profile) {
        return Node.start(NodeConfig.local(dir.resolve(name), 0).withAdminToken(FederationEndToEndTest.TOKEN).withProfile(profile));
    }

    private static Map<String, Object> indicator() {
        return new HashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"));
    }

    @SafeVarargs
    private static TaxiiClient.Response post(Node at, Map<String, Object>... objects) {
        return api(at).post(COMMUNITY_OBJECTS, Map.of("objects", List.of(objects)));
    }
}
