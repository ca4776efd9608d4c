package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.share.Sharing;
import org.entente.server.testing.SampleObjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What syncing costs in requests, counted on the receiving node's federation port: nothing while the
 * outbox is empty, one request per envelope, and one request in all when an origin restarts with an
 * envelope the peer already holds (a crash between the peer's answer and its record).
 */
class FederationRoundTripsTest {
    @TempDir
    Path dir;

    Node origin;
    Node peer;

    @BeforeEach
    void start() {
        origin = node("origin");
        peer = node("peer");
        origin.federation().enrolment().enrol(URI.create(peer.federation().url()), peer.federation().identity().tls().fingerprint());
        peer.federation().enrolment().enrol(URI.create(origin.federation().url()), origin.federation().identity().tls().fingerprint());
        Community both = new Community("pair", new Charter(Set.of(member(origin), member(peer)), Set.of(), Tlp.AMBER, false, false));
        for (Node n : List.of(origin, peer)) {
            n.store().communities().save(both);
            n.federation().peersChanged();
        }
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {origin, peer}) if (n != null) n.close();
    }

    @Test
    void syncWithNothingNewCostsNoRequestAndANewEnvelopeOne() {
        StixObject first = indicator();
        share(first);
        awaitDelivered(first);
        long before = peer.federation().requestsServed();

        for (int i = 0; i < 5; i++) origin.federation().peersChanged(); // each wakes the courier for a round
        StixObject second = indicator();
        share(second);
        awaitDelivered(second);

        // The courier works rounds one after another, so the empty rounds came before the second delivery.
        assertThat(peer.federation().requestsServed() - before).isEqualTo(1);
    }

    @Test
    void aPeerAlreadyUpToDateCostsOneRequestAfterTheOriginRestarts() {
        StixObject object = indicator();
        String envelope = share(object);
        awaitDelivered(object);

        // The state a crash leaves when it strikes after the peer stored the envelope and before the origin
        // recorded the answer: the envelope is still in the outbox.
        paused(true);
        origin.store().outbox().enqueue(member(peer), envelope, peer.store().inbox().find(envelope).orElseThrow().raw());
        origin.close();
        origin = node("origin");
        long before = peer.federation().requestsServed();
        paused(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> origin.store().outbox().state(member(peer)).pending() == 0);
        assertThat(peer.federation().requestsServed() - before).isEqualTo(1);
        assertThat(peer.store().inbox().find(envelope)).isPresent();
        assertThat(peer.store().objects().countObjects(peer.store().collections().find("c-pair").orElseThrow().id())).isEqualTo(1);
    }

    @Test
    void aShareTooLargeForOneEnvelopeTravelsInSeveralEachWithinTheByteLimit() {
        List<StixObject> notes = List.of(largeNote(), largeNote(), largeNote());
        long before = peer.federation().requestsServed();

        List<String> envelopes = origin.federation().sharing()
                .share(notes, Distribution.toCommunities("pair"), EnvelopeMarkings.of(Tlp.GREEN, "cyber")).envelopes();
        notes.forEach(this::awaitDelivered);

        // Three notes of 6 MiB sign to more than 16 MiB: halved to one, then the other two fit together.
        assertThat(envelopes).hasSize(2);
        for (String envelope : envelopes) {
            assertThat(peer.store().inbox().find(envelope).orElseThrow().raw().length).isLessThanOrEqualTo(Sharing.ENVELOPE_BYTES);
        }
        assertThat(peer.federation().requestsServed() - before).isEqualTo(2);
        assertThat(peer.store().objects().countObjects(peer.store().collections().find("c-pair").orElseThrow().id())).isEqualTo(3);
    }

    // --- helpers

    Node node(String name) {
        return Node.start(NodeConfig.local(dir.resolve(name), 0).withAdminToken("round-trips"));
    }

    static MemberId member(Node n) {
        return n.federation().identity().member();
    }

    static StixObject indicator() {
        return StixJson.toObject(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"), "test");
    }

    static StixObject largeNote() {
        return StixObject.of("type", "note", "spec_version", "2.1", "id", SampleObjects.id("note"),
                "created", "2026-01-01T00:00:00.000Z", "modified", "2026-01-01T00:00:00.000Z",
                "content", "x".repeat(6 << 20), "object_refs", List.of(SampleObjects.id("indicator")));
    }

    /** @return the id of the one envelope that carries the object */
    String share(StixObject object) {
        List<String> envelopes = origin.federation().sharing()
                .share(List.of(object), Distribution.toCommunities("pair"), EnvelopeMarkings.of(Tlp.GREEN, "cyber")).envelopes();
        assertThat(envelopes).hasSize(1);
        return envelopes.getFirst();
    }

    void awaitDelivered(StixObject object) {
        await().atMost(Duration.ofSeconds(20)).until(() -> peer.store().shares().originOf(object.id()).isPresent()
                && origin.store().outbox().state(member(peer)).pending() == 0);
    }

    void paused(boolean paused) {
        origin.store().peers().save(origin.store().peers().find(member(peer)).orElseThrow().withPaused(paused));
        origin.federation().peersChanged();
    }
}
