package org.entente.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.core.observable.ObservableKind;
import org.entente.core.observable.Observables;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.server.testing.SampleObjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index stage on a real SQLite store: what each kind of object contributes, and that it runs once. */
class CorrelationIndexerTest {
    static final MemberId DE = member("de");
    static final MemberId FR = member("fr");
    static final MemberId NL = member("nl");
    static final String COLLECTION = "default";

    @TempDir
    Path dir;

    Store store;
    CorrelationIndexer indexer;
    Correlation correlation;

    @BeforeEach
    void open() {
        store = StoreFactory.open(dir, null);
        store.members().save(new Member(DE, "CERT-DE", "DE", Level.STATE, "cyber"));
        store.members().save(new Member(FR, "CERT-FR", "FR", Level.STATE, "cyber"));
        store.members().save(new Member(NL, "NL fraud unit", "NL", Level.SECTORAL, "finance"));
        store.members().setLocal(DE);
        store.collections().create(new CollectionInfo(COLLECTION, "Default", null, null));
        indexer = newIndexer();
        correlation = new Correlation(store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        indexer.close();
        store.close();
    }

    @Test
    void aDomainWrittenTwoWaysIsOneObservable() {
        Map<String, Object> upper = sco("domain-name", "value", "EXAMPLE.com.");
        Map<String, Object> lower = sco("domain-name", "value", "example.com");
        write(upper, lower);
        indexer.catchUp();

        assertThat(store.correlation().observableCount()).isEqualTo(1);
        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.DOMAIN_NAME, "Example.COM")).holdings())
                .extracting(Holding::objectId).containsExactlyInAnyOrder((String) upper.get("id"), (String) lower.get("id"));
    }

    @Test
    void anObservedDataAndASightingOfItCarryTheValuesOfItsObservables() {
        Map<String, Object> email = sco("email-addr", "value", "Refunds@Parcel-Redelivery.example");
        Map<String, Object> observed = StixJson.object("type", "observed-data", "spec_version", "2.1", "id", SampleObjects.id("observed-data"),
                "created", "2026-11-01T00:00:00.000Z", "modified", "2026-11-01T00:00:00.000Z",
                "first_observed", "2026-11-01T00:00:00Z", "last_observed", "2026-11-02T00:00:00Z", "number_observed", 1,
                "object_refs", List.of(email.get("id")));
        Map<String, Object> sighting = StixJson.object("type", "sighting", "spec_version", "2.1", "id", SampleObjects.id("sighting"),
                "created", "2026-11-03T00:00:00.000Z", "modified", "2026-11-03T00:00:00.000Z",
                "last_seen", "2026-11-03T12:00:00Z", "sighting_of_ref", SampleObjects.id("indicator"),
                "observed_data_refs", List.of(observed.get("id")), "where_sighted_refs", List.of(FR.value()));
        // The sighting first, in a later batch than what it refers to: references resolve through the index.
        write(email, observed);
        write(sighting);
        indexer.catchUp();

        Holders holders = correlation.holders(DE, Observables.normalise(ObservableKind.EMAIL_ADDR, "refunds@parcel-redelivery.example"));
        assertThat(holders.holdings()).extracting(Holding::objectId, Holding::member).contains(
                org.assertj.core.groups.Tuple.tuple(observed.get("id"), DE),
                org.assertj.core.groups.Tuple.tuple(sighting.get("id"), FR));
        assertThat(holders.holdings()).filteredOn(h -> h.objectId().equals(sighting.get("id")))
                .extracting(Holding::seen).containsExactly(Instant.parse("2026-11-03T12:00:00Z"));
        assertThat(store.correlation().linksOf(List.of((String) sighting.get("id")))).hasSize(2);
        // Never shared: this node's member alone may know of them, even where the sighting names another.
        assertThat(correlation.holders(FR, holders.observable()).holdings()).isEmpty();
    }

    @Test
    void whatWasIndexedIsNotIndexedAgainEvenAfterARestart() {
        write(sco("domain-name", "value", "a.example"), sco("domain-name", "value", "b.example"),
                sco("domain-name", "value", "c.example"), sco("domain-name", "value", "d.example"));
        assertThat(indexer.catchUp()).isEqualTo(4);
        assertThat(indexer.catchUp()).isZero();

        store.close();
        store = StoreFactory.open(dir, null);
        indexer = newIndexer();
        assertThat(indexer.catchUp()).isZero();
        write(sco("domain-name", "value", "e.example"));
        assertThat(indexer.catchUp()).isEqualTo(1);
        assertThat(store.correlation().occurrenceCount()).isEqualTo(5);
    }

    /** The clusters of three countries within a week that indexed batches form, as the warn stage is told them. */
    private List<ClusterReached> clustersOfThreeCountries() {
        List<ClusterReached> reached = new ArrayList<>();
        indexer.onIndexed(added -> reached.addAll(correlation.reached(added, 3, Duration.ofDays(7))));
        return reached;
    }

    @Test
    void aClusterIsReportedOnceWhenItsThirdCountryArrives() {
        List<ClusterReached> reached = clustersOfThreeCountries();
        String phone = "+33 6 12 34 56 78";
        write(phoneIndicator(phone));
        sharedBy(FR, phoneIndicator(phone));
        indexer.catchUp();
        assertThat(reached).isEmpty();

        sharedBy(NL, phoneIndicator(phone));
        indexer.catchUp();
        assertThat(reached).singleElement().satisfies(r -> {
            assertThat(r.observable()).isEqualTo(Observables.normalise(ObservableKind.PHONE_NUMBER, phone));
            assertThat(r.countries()).containsExactly("DE", "FR", "NL");
        });

        sharedBy(NL, phoneIndicator(phone));
        indexer.catchUp();
        assertThat(reached).hasSize(1);
    }

    @Test
    void aClusterOfAnObservableNewToTheIndexIsReportedWithEveryOccurrenceWhenOneBatchFormsIt() {
        List<ClusterReached> reached = clustersOfThreeCountries();
        String phone = "+33 6 98 76 54 32";
        write(phoneIndicator(phone));
        sharedBy(FR, phoneIndicator(phone));
        sharedBy(NL, phoneIndicator(phone));
        indexer.catchUp();

        assertThat(reached).singleElement().satisfies(r -> {
            assertThat(r.countries()).containsExactly("DE", "FR", "NL");
            assertThat(r.occurrences()).extracting(org.entente.store.Occurrence::member).containsExactlyInAnyOrder(DE, FR, NL);
            assertThat(r.occurrences()).isSortedAccordingTo(java.util.Comparator.comparing(org.entente.store.Occurrence::seen)
                    .thenComparing(org.entente.store.Occurrence::objectId));
        });
        sharedBy(NL, phoneIndicator(phone));
        indexer.catchUp();
        assertThat(reached).hasSize(1);
    }

    @Test
    void aReceivedVersionCountsAsItsOriginsFromTheFirstRoundAndAVersionWithoutLabelsAsThisMembers() {
        String phone = "+31 6 12345678";
        write(phoneIndicator(phone));
        // Received: stored with its labels in one transaction, as ingest of an envelope does; read at once.
        sharedBy(NL, phoneIndicator(phone));

        assertThat(indexer.catchUp()).isEqualTo(2);
        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.PHONE_NUMBER, "+31612345678")).members())
                .containsExactlyInAnyOrder(DE, NL);
        assertThat(indexer.catchUp()).isZero();
    }

    @Test
    void aVersionStoredInTwoCollectionsIsIndexedOnceAndACollectionMadeLaterIsFollowedToo() {
        List<List<org.entente.store.Occurrence>> batches = new ArrayList<>();
        indexer.onIndexed(added -> batches.add(added.occurrences()));
        Map<String, Object> domain = sco("domain-name", "value", "twice.example");
        write(domain);
        assertThat(indexer.catchUp()).isEqualTo(1);

        store.collections().create(new CollectionInfo("c-all", "Community", null, null));
        store.objects().write("c-all", versionsOf(domain, sco("domain-name", "value", "later.example")));
        assertThat(indexer.catchUp()).isEqualTo(1);

        assertThat(batches).flatExtracting(b -> b).extracting(o -> o.observable().value())
                .containsExactly("twice.example", "later.example");
        assertThat(store.correlation().occurrenceCount()).isEqualTo(2);
    }

    @Test
    void aNewerVersionThatNoLongerNamesAValueStopsCountingForWhoElseHasIt() {
        Map<String, Object> first = phoneIndicator("+33 6 12 34 56 78");
        sharedBy(FR, first);
        indexer.catchUp();
        Map<String, Object> revised = new java.util.LinkedHashMap<>(first);
        revised.put("modified", "2026-11-02T00:00:00.000Z");
        revised.put("pattern", "[x-entente-phone-number:value = '+33 6 99 99 99 99']");
        sharedBy(FR, revised);
        indexer.catchUp();

        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.PHONE_NUMBER, "+33612345678")).holdings()).isEmpty();
        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.PHONE_NUMBER, "+33699999999")).holdings())
                .extracting(Holding::objectId).containsExactly((String) first.get("id"));
    }

    @Test
    void deletingTheNewestVersionMakesTheOlderOneCountAgain() {
        Map<String, Object> first = phoneIndicator("+33 6 12 34 56 78");
        sharedBy(FR, first);
        Map<String, Object> revised = new java.util.LinkedHashMap<>(first);
        revised.put("modified", "2026-11-02T00:00:00.000Z");
        revised.put("pattern", "[x-entente-phone-number:value = '+33 6 99 99 99 99']");
        sharedBy(FR, revised);
        indexer.catchUp();

        store.objects().delete(COLLECTION, (String) first.get("id"),
                org.entente.store.ObjectQuery.all().withVersions(org.entente.store.VersionSelector.LAST));
        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.PHONE_NUMBER, "+33699999999")).holdings()).isEmpty();
        assertThat(indexer.catchUp()).isEqualTo(1);

        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.PHONE_NUMBER, "+33612345678")).holdings())
                .extracting(Holding::objectId, Holding::member).containsExactly(org.assertj.core.groups.Tuple.tuple(first.get("id"), FR));
    }

    @Test
    void aClusterAnOlderVersionFormsAgainAfterADeleteIsNotReportedTwiceEvenByARestartedIndexer() {
        List<ClusterReached> reached = new ArrayList<>();
        indexer.onIndexed(added -> reached.addAll(correlation.reached(added, 3, Duration.ofDays(7))));
        String phone = "+33 6 12 34 56 78";
        write(phoneIndicator(phone));
        sharedBy(FR, phoneIndicator(phone));
        Map<String, Object> first = phoneIndicator(phone);
        sharedBy(NL, first);
        indexer.catchUp();
        Map<String, Object> revised = new java.util.LinkedHashMap<>(first);
        revised.put("modified", "2026-11-02T00:00:00.000Z");
        sharedBy(NL, revised);
        indexer.catchUp();
        assertThat(reached).hasSize(1);

        store.objects().delete(COLLECTION, (String) first.get("id"),
                org.entente.store.ObjectQuery.all().withVersions(org.entente.store.VersionSelector.LAST));
        indexer.close();
        indexer = newIndexer(); // as after a restart: it never saw how far the index had got before the delete
        indexer.onIndexed(added -> reached.addAll(correlation.reached(added, 3, Duration.ofDays(7))));
        String other = "+33 6 98 76 54 32"; // stored after the delete, read in the same round
        write(phoneIndicator(other));
        sharedBy(FR, phoneIndicator(other));
        sharedBy(NL, phoneIndicator(other));

        assertThat(indexer.catchUp()).as("the older version's occurrence and the three new ones").isEqualTo(4);
        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.PHONE_NUMBER, phone)).holdings())
                .extracting(Holding::member).containsExactlyInAnyOrder(DE, FR, NL);
        assertThat(reached).extracting(ClusterReached::observable).as("the first cluster once, the new one once").containsExactly(
                Observables.normalise(ObservableKind.PHONE_NUMBER, phone), Observables.normalise(ObservableKind.PHONE_NUMBER, other));
    }

    @Test
    void aSightingIndexedBeforeTheIndicatorItSightsGainsItsValueWhenTheIndicatorArrives() {
        Map<String, Object> indicator = phoneIndicator("+31 6 12345678");
        Map<String, Object> sighting = StixJson.object("type", "sighting", "spec_version", "2.1", "id", SampleObjects.id("sighting"),
                "created", "2026-11-03T00:00:00.000Z", "modified", "2026-11-03T00:00:00.000Z",
                "last_seen", "2026-11-03T12:00:00Z", "sighting_of_ref", indicator.get("id"), "where_sighted_refs", List.of(FR.value()));
        write(sighting);
        assertThat(indexer.catchUp()).isZero();

        sharedBy(NL, indicator);
        assertThat(indexer.catchUp()).isEqualTo(2);

        assertThat(correlation.holders(DE, Observables.normalise(ObservableKind.PHONE_NUMBER, "+31612345678")).holdings())
                .extracting(Holding::objectId, Holding::member).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(indicator.get("id"), NL),
                        org.assertj.core.groups.Tuple.tuple(sighting.get("id"), FR));
    }

    // --- helpers

    CorrelationIndexer newIndexer() {
        return new CorrelationIndexer(store, DE, 3);
    }

    static MemberId member(String name) {
        return MemberId.ofPublicKey(name.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> sco(String type, String property, String value) {
        return StixJson.object("type", type, "spec_version", "2.1", "id", SampleObjects.id(type), property, value);
    }

    static Map<String, Object> phoneIndicator(String phone) {
        Map<String, Object> indicator = new java.util.LinkedHashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-11-01T00:00:00.000Z"));
        indicator.put("pattern", "[x-entente-phone-number:value = '" + phone + "']");
        return indicator;
    }

    /** Stores local objects: without sharing labels. */
    @SafeVarargs
    final void write(Map<String, Object>... objects) {
        store.objects().write(COLLECTION, versionsOf(objects));
    }

    /** Stores an object received from {@code origin}: the version and its labels in one transaction. */
    void sharedBy(MemberId origin, Map<String, Object> object) {
        Share share = Share.of(StixJson.toObject(object, "test"), "envelope--" + object.get("id"),
                SharingLabels.of(origin, Distribution.toMembers(DE), Tlp.GREEN, "fraud"));
        store.atomically(work -> {
            work.objects(COLLECTION, versionsOf(object));
            work.shares(List.of(share));
            return null;
        });
    }

    @SafeVarargs
    private static List<NewVersion> versionsOf(Map<String, Object>... objects) {
        List<NewVersion> versions = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            String modified = (String) o.get("modified");
            versions.add(new NewVersion((String) o.get("id"), (String) o.get("type"), "2.1",
                    modified == null ? null : Instant.parse(modified), StixJson.writeString(o)));
        }
        return versions;
    }
}
