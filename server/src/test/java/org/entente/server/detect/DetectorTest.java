package org.entente.server.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.index.Correlation;
import org.entente.server.index.CorrelationIndexer;
import org.entente.server.testing.SampleObjects;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detect stage on a real SQLite store: what it matches, with what evidence, and that it matches once. */
class DetectorTest {
    static final MemberId DE = member("de");
    static final MemberId FR = member("fr");
    static final MemberId NL = member("nl");
    static final String COLLECTION = "default";
    /** An hour after the test objects were stored, so every validity window and cluster window is read from then. */
    static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

    @TempDir
    Path dir;

    Store store;
    Detector detector;
    List<Detection> detections = new ArrayList<>();

    @BeforeEach
    void open() {
        store = StoreFactory.open(dir, null);
        store.members().save(new Member(DE, "CERT-DE", "DE", Level.STATE, "cyber"));
        store.members().save(new Member(FR, "CERT-FR", "FR", Level.STATE, "cyber"));
        store.members().save(new Member(NL, "NL fraud unit", "NL", Level.SECTORAL, "finance"));
        store.members().setLocal(DE);
        store.collections().create(new CollectionInfo(COLLECTION, "Default", null, null));
        detector = detector();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anObservedDataMatchingAnIndicatorOfAnotherMemberIsDetectedWithBothAsEvidence() {
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        sharedBy(FR, indicator);
        Map<String, Object> domain = sco("domain-name", "EVIL.example.");
        Map<String, Object> observed = observedData(domain);
        write(COLLECTION, domain, observed);

        assertThat(detector.catchUp()).isEqualTo(1);
        Detection detection = detections.getFirst();
        assertThat(detection.kind()).isEqualTo(DetectionKind.INDICATOR_MATCH);
        assertThat(detection.subject()).isEqualTo(indicator.get("id"));
        assertThat(detection.evidence()).extracting(e -> (Object) e.objectId()).containsExactly(indicator.get("id"), observed.get("id"));
        assertThat(detection.evidence()).extracting(e -> e.member().id()).containsExactly(FR, DE);
        assertThat(detection.evidence().get(0).labels().tlp()).isEqualTo(Tlp.GREEN);
        assertThat(detection.evidence().get(1).labels().distribution()).as("a local object is this member's alone")
                .isEqualTo(Distribution.ORGANISATION);
    }

    @Test
    void aSightingOfAHeldIndicatorIsAMatchAndTheObservedDataItRefersToIsNotReportedAgain() {
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        sharedBy(FR, indicator);
        Map<String, Object> domain = sco("domain-name", "evil.example");
        Map<String, Object> observed = observedData(domain);
        Map<String, Object> sighting = sighting(indicator, observed);
        write(COLLECTION, domain, observed, sighting);

        assertThat(detector.catchUp()).isEqualTo(1);
        assertThat(detections.getFirst().evidence()).extracting(e -> (Object) e.objectId()).containsExactly(indicator.get("id"), sighting.get("id"));
    }

    @Test
    void nothingIsDetectedForObservationsNoIndicatorMatchesNorForSightingsOfUnknownIndicators() {
        sharedBy(FR, indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z"));
        Map<String, Object> domain = sco("domain-name", "fine.example");
        Map<String, Object> observed = observedData(domain);
        write(COLLECTION, domain, observed, sighting(indicator("[ipv4-addr:value = '10.0.0.1']", "2026-01-01T00:00:00.000Z"), observed));

        assertThat(detector.catchUp()).isZero();
        assertThat(detections).isEmpty();
    }

    @Test
    void whatWasMatchedIsNotMatchedAgainAfterARestartWhileIndicatorsAreHeldAgain() {
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        sharedBy(FR, indicator);
        Map<String, Object> domain = sco("domain-name", "evil.example");
        write(COLLECTION, domain, observedData(domain));
        assertThat(detector.catchUp()).isEqualTo(1);
        assertThat(detector.catchUp()).isZero();

        store.close();
        store = StoreFactory.open(dir, null);
        detector = detector();
        assertThat(detector.catchUp()).isZero();
        assertThat(detector.indicators().version((String) indicator.get("id"))).isPresent();
        write(COLLECTION, observedData(domain));
        assertThat(detector.catchUp()).isEqualTo(1);
    }

    @Test
    void aRevokedIndicatorNoLongerMatchesEvenWhenAnOlderVersionArrivesAfterTheRevocation() {
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        Map<String, Object> revoked = new LinkedHashMap<>(indicator);
        revoked.put("modified", "2026-03-01T00:00:00.000Z");
        revoked.put("revoked", true);
        Map<String, Object> older = new LinkedHashMap<>(indicator);
        older.put("modified", "2026-02-01T00:00:00.000Z");
        sharedBy(FR, indicator);
        detector.catchUp();
        sharedBy(FR, revoked);
        sharedBy(FR, older);
        Map<String, Object> domain = sco("domain-name", "evil.example");
        write(COLLECTION, domain, observedData(domain));

        assertThat(detector.catchUp()).isZero();
        assertThat(detector.indicators().version((String) indicator.get("id"))).isEmpty();
    }

    @Test
    void aVersionStoredInTwoCollectionsIsMatchedOnce() {
        store.collections().create(new CollectionInfo("c-partners", "Partners", null, null));
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        sharedBy(FR, indicator);
        Map<String, Object> domain = sco("domain-name", "evil.example");
        Map<String, Object> observed = observedData(domain);
        write(COLLECTION, domain, observed);
        write("c-partners", domain, observed);

        assertThat(detector.catchUp()).isEqualTo(1);
    }

    @Test
    void theMatchesOfABatchReachTheNextStageTogetherEachWithItsOwnEvidence() {
        List<List<Detection>> handedOver = new ArrayList<>();
        detector = new Detector(store, DE, new HeldIndicators(), handedOver::add, 100, LATER);
        Map<String, Object> first = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        Map<String, Object> second = indicator("[ipv4-addr:value = '198.51.100.7']", "2026-01-01T00:00:00.000Z");
        sharedBy(FR, first);
        sharedBy(NL, second);
        Map<String, Object> domain = sco("domain-name", "evil.example");
        Map<String, Object> address = sco("ipv4-addr", "198.51.100.7");
        write(COLLECTION, domain, observedData(domain), address, observedData(address));

        assertThat(detector.catchUp()).isEqualTo(2);
        assertThat(handedOver).singleElement().satisfies(batch -> {
            assertThat(batch).extracting(Detection::subject).containsExactlyInAnyOrder((String) first.get("id"), (String) second.get("id"));
            assertThat(batch).extracting(d -> d.evidence().getFirst().member().id()).containsExactlyInAnyOrder(FR, NL);
        });
    }

    @Test
    void anIndicatorVersionStoredInTwoCollectionsIsHeldOnceAndAnObservationInEitherMatchesIt() {
        store.collections().create(new CollectionInfo("c-partners", "Partners", null, null));
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        sharedBy(FR, indicator);
        write("c-partners", indicator);
        detector.loadIndicators();
        assertThat(detector.indicators().size()).isEqualTo(1);

        Map<String, Object> domain = sco("domain-name", "evil.example");
        write("c-partners", domain, observedData(domain));
        assertThat(detector.catchUp()).isEqualTo(1);
        assertThat(detections.getFirst().evidence()).extracting(e -> e.member().id()).containsExactly(FR, DE);
    }

    @Test
    void aPhoneNumberReachingThreeCountriesInTheIndexBecomesACrossBorderClusterDetection() {
        Correlation correlation = new Correlation(store, LATER);
        ClusterDetections clusters = new ClusterDetections(store, DE, detections::add, LATER);
        CorrelationIndexer indexer = new CorrelationIndexer(store, DE, 100);
        indexer.onIndexed(added -> clusters.accept(correlation.reached(added, 3, Duration.ofDays(3650))));
        sharedBy(DE, indicator("[x-entente-phone-number:value = '+49 151 1234 5678']", "2026-01-01T00:00:00.000Z"));
        sharedBy(FR, indicator("[x-entente-phone-number:value = '+4915112345678']", "2026-01-01T00:00:00.000Z"));
        indexer.catchUp();
        assertThat(detections).as("two countries are not yet a cluster of three").isEmpty();

        sharedBy(NL, indicator("[x-entente-phone-number:value = '+49-151-12345678']", "2026-01-01T00:00:00.000Z"));
        indexer.catchUp();
        assertThat(detections).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DetectionKind.CROSS_BORDER_CLUSTER);
            assertThat(d.subject()).isEqualTo("phone-number|+4915112345678");
            assertThat(d.evidence()).extracting(e -> e.member().country()).containsExactlyInAnyOrder("DE", "FR", "NL");
        });
    }

    // --- helpers

    Detector detector() {
        return new Detector(store, DE, new HeldIndicators(), detections::addAll, 2, LATER);
    }

    static MemberId member(String name) {
        return MemberId.ofPublicKey(name.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> indicator(String pattern, String modified) {
        Map<String, Object> indicator = new LinkedHashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), modified));
        indicator.put("pattern", pattern);
        return indicator;
    }

    static Map<String, Object> sco(String type, String value) {
        return StixJson.object("type", type, "spec_version", "2.1", "id", SampleObjects.id(type), "value", value);
    }

    static Map<String, Object> observedData(Map<String, Object> sco) {
        return StixJson.object("type", "observed-data", "spec_version", "2.1", "id", SampleObjects.id("observed-data"),
                "created", "2026-11-01T00:00:00.000Z", "modified", "2026-11-01T00:00:00.000Z",
                "first_observed", "2026-11-01T00:00:00Z", "last_observed", "2026-11-01T00:00:00Z", "number_observed", 1,
                "object_refs", List.of(sco.get("id")));
    }

    @Test
    void aSightingMatchesAnIndicatorStoredBeforeItInTheSameRoundHoweverSmallThePages() {
        List<List<Detection>> handedOver = new ArrayList<>();
        detector = new Detector(store, DE, new HeldIndicators(), handedOver::add, 1, LATER);
        Map<String, Object> first = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        Map<String, Object> second = indicator("[ipv4-addr:value = '198.51.100.7']", "2026-01-01T00:00:00.000Z");
        Map<String, Object> observed = observedData(sco("domain-name", "elsewhere.example"));
        sharedBy(FR, first);
        write(COLLECTION, sighting(first, observed));
        sharedBy(NL, second);
        write(COLLECTION, sighting(second, observed));

        assertThat(detector.catchUp()).isEqualTo(2);
        assertThat(handedOver).as("one batch per matched version at a batch size of 1").hasSize(2);
        assertThat(handedOver).extracting(batch -> batch.getFirst().subject()).containsExactly((String) first.get("id"), (String) second.get("id"));
        assertThat(detector.indicators().size()).isEqualTo(2);
        assertThat(detector.catchUp()).isZero();
    }

    @Test
    void aSightingOfThisNodeIsEvidenceAtTheTlpOfItsOwnMarking() {
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", "2026-01-01T00:00:00.000Z");
        sharedBy(FR, indicator);
        Map<String, Object> sighting = new LinkedHashMap<>(sighting(indicator, observedData(sco("domain-name", "evil.example"))));
        sighting.put("object_marking_refs", List.of(Tlp.RED.markingId()));
        write(COLLECTION, sighting);

        assertThat(detector.catchUp()).isEqualTo(1);
        assertThat(detections.getFirst().evidence().get(1).labels().tlp()).isEqualTo(Tlp.RED);
        assertThat(detections.getFirst().evidence().get(1).labels().distribution()).isEqualTo(Distribution.ORGANISATION);
    }

    static Map<String, Object> sighting(Map<String, Object> indicator, Map<String, Object> observed) {
        return StixJson.object("type", "sighting", "spec_version", "2.1", "id", SampleObjects.id("sighting"),
                "created", "2026-11-02T00:00:00.000Z", "modified", "2026-11-02T00:00:00.000Z",
                "sighting_of_ref", indicator.get("id"), "observed_data_refs", List.of(observed.get("id")),
                "where_sighted_refs", List.of(DE.value()));
    }

    void sharedBy(MemberId origin, Map<String, Object> object) {
        store.shares().record(List.of(Share.of(StixJson.toObject(object, "test"), "envelope--" + object.get("id") + object.get("modified"),
                SharingLabels.of(origin, Distribution.toCommunities("partners"), Tlp.GREEN, "cyber"))));
        write(COLLECTION, object);
    }

    @SafeVarargs
    final void write(String collection, Map<String, Object>... objects) {
        List<NewVersion> versions = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            String modified = (String) o.get("modified");
            versions.add(new NewVersion((String) o.get("id"), (String) o.get("type"), "2.1",
                    modified == null ? null : Instant.parse(modified), StixJson.writeString(o)));
        }
        store.objects().write(collection, versions);
    }
}
