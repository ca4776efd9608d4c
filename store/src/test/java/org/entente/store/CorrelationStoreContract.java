package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.Observable;
import org.entente.core.observable.ObservableKind;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CorrelationStore} must do, run against each implementation by a subclass that opens a
 * fresh, empty store per test.
 */
public abstract class CorrelationStoreContract {
    private static final MemberId DE = member("de");
    private static final MemberId FR = member("fr");
    private static final MemberId NL = member("nl");
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-01-09T00:00:00Z");
    private static final Observable PHONE = new Observable(ObservableKind.PHONE_NUMBER, "+4915112345678");
    private static final Observable DOMAIN = new Observable(ObservableKind.DOMAIN_NAME, "example.com");
    private static final Observable HASH = new Observable(ObservableKind.fileHash(HashAlgorithm.SHA_256), "ab".repeat(32));

    protected Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    /** The store last opened by {@link #openStore()}, opened again after it was closed. */
    protected abstract Store reopenStore();

    @BeforeEach
    void openEmptyStore() {
        store = openStore();
        store.members().save(new Member(DE, "CERT-DE", "DE", Level.STATE, "cyber"));
        store.members().save(new Member(FR, "CERT-FR", "FR", Level.STATE, "cyber"));
        store.members().save(new Member(NL, "NL fraud unit", "NL", Level.SECTORAL, "finance"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static MemberId member(String name) {
        return MemberId.ofPublicKey(name.getBytes(StandardCharsets.UTF_8));
    }

    private static IndexedObject object(String id, MemberId origin) {
        return object(id, origin, T1);
    }

    private static IndexedObject object(String id, MemberId origin, Instant version) {
        return new IndexedObject(id, id.substring(0, id.indexOf("--")), version, origin);
    }

    private static String id(String type, int n) {
        return type + "--00000000-0000-4000-8000-" + String.format("%012d", n);
    }

    /** One object per member, each carrying the observable, seen at the given time, at that version. */
    private CorrelationBatch carriedBy(Observable observable, Instant seen, MemberId... members) {
        List<IndexedObject> objects = new java.util.ArrayList<>();
        List<Occurrence> occurrences = new java.util.ArrayList<>();
        for (MemberId m : members) {
            String id = id("indicator", observable.value().hashCode() & 0xffff) .replace("8000-0000", "8000-" + m.value().substring(10, 14));
            objects.add(object(id, m, seen));
            occurrences.add(new Occurrence(observable, id, m, seen));
        }
        return new CorrelationBatch(objects, occurrences, List.of());
    }

    @Test
    void anObservableCarriedByManyObjectsIsStoredOnceWithOneOccurrencePerObject() {
        CorrelationStore index = store.correlation();
        List<Occurrence> added = index.index(3, carriedBy(PHONE, T1, DE, FR, NL));

        assertThat(added).hasSize(3);
        assertThat(index.observableCount()).isEqualTo(1);
        assertThat(index.occurrenceCount()).isEqualTo(3);
        assertThat(index.occurrencesOf(List.of(PHONE))).extracting(Occurrence::member).containsExactlyInAnyOrder(DE, FR, NL);
        assertThat(index.occurrencesOf(List.of(DOMAIN))).isEmpty();
    }

    @Test
    void indexingTheSameBatchAgainAddsNothing() {
        CorrelationStore index = store.correlation();
        CorrelationBatch batch = carriedBy(PHONE, T1, DE, FR);
        index.index(2, batch);

        assertThat(index.index(2, batch)).isEmpty();
        assertThat(index.observableCount()).isEqualTo(1);
        assertThat(index.occurrenceCount()).isEqualTo(2);
    }

    @Test
    void aLaterOccurrenceMovesTheTimeSeenForwardAndAnEarlierOneDoesNot() {
        CorrelationStore index = store.correlation();
        index.index(1, carriedBy(PHONE, T2, DE));
        index.index(2, carriedBy(PHONE, T1, DE));
        assertThat(index.occurrencesOf(List.of(PHONE))).extracting(Occurrence::seen).containsExactly(T2);

        assertThat(index.index(3, carriedBy(PHONE, T3, DE))).isEmpty();
        assertThat(index.occurrencesOf(List.of(PHONE))).extracting(Occurrence::seen).containsExactly(T3);
    }

    @Test
    void theCursorMovesWithItsBatchAndSurvivesARestart() {
        assertThat(store.correlation().cursor()).isZero();
        store.correlation().index(42, carriedBy(PHONE, T1, DE));
        assertThat(store.correlation().cursor()).isEqualTo(42);
        store.correlation().index(57, CorrelationBatch.empty());
        store.close();
        store = reopenStore();

        assertThat(store.correlation().cursor()).isEqualTo(57);
        assertThat(store.correlation().occurrenceCount()).isEqualTo(1);
    }

    @Test
    void aVersionIndexedAlreadyOrAnOlderOneAddsNeitherOccurrencesNorReferences() {
        String id = id("sighting", 7);
        String indicator = id("indicator", 8);
        String malware = id("malware", 9);
        CorrelationStore index = store.correlation();
        index.index(1, new CorrelationBatch(List.of(object(id, FR, T2)), List.of(new Occurrence(PHONE, id, FR, T2)),
                List.of(new ObjectLink(id, indicator))));

        // The same version again (as read from a second collection), then an older one with other content.
        assertThat(index.index(2, new CorrelationBatch(List.of(object(id, FR, T2)), List.of(new Occurrence(DOMAIN, id, NL, T3)),
                List.of(new ObjectLink(id, malware))))).isEmpty();
        assertThat(index.index(3, new CorrelationBatch(List.of(object(id, FR, T1)), List.of(new Occurrence(HASH, id, FR, T1)),
                List.of(new ObjectLink(id, malware))))).isEmpty();

        assertThat(index.occurrencesOf(List.of(PHONE, DOMAIN, HASH))).containsExactly(new Occurrence(PHONE, id, FR, T2));
        assertThat(index.linksOf(List.of(id))).containsExactly(new ObjectLink(id, indicator));
        assertThat(index.objects(List.of(id))).containsEntry(id, object(id, FR, T2));
    }

    @Test
    void aNewerVersionThatNoLongerCarriesAnObservableOrReferenceStopsCountingForIt() {
        String id = id("indicator", 5);
        String malware = id("malware", 6);
        String campaign = id("campaign", 7);
        CorrelationStore index = store.correlation();
        index.index(1, new CorrelationBatch(List.of(object(id, DE, T1)),
                List.of(new Occurrence(PHONE, id, DE, T1), new Occurrence(DOMAIN, id, DE, T1)), List.of(new ObjectLink(id, malware))));
        index.index(2, carriedBy(PHONE, T3, FR, NL));
        assertThat(index.seenInCountries(3, T1, 10)).containsExactly(PHONE);

        List<Occurrence> added = index.index(3, new CorrelationBatch(List.of(object(id, DE, T2)),
                List.of(new Occurrence(DOMAIN, id, DE, T2), new Occurrence(HASH, id, DE, T2)), List.of(new ObjectLink(id, campaign))));

        assertThat(added).containsExactly(new Occurrence(HASH, id, DE, T2));
        assertThat(index.observablesOf(List.of(id)).get(id)).containsExactlyInAnyOrder(DOMAIN, HASH);
        assertThat(index.occurrencesOf(List.of(DOMAIN))).extracting(Occurrence::seen).containsExactly(T2);
        assertThat(index.occurrencesOf(List.of(PHONE))).extracting(Occurrence::member).containsExactlyInAnyOrder(FR, NL);
        assertThat(index.seenInCountries(3, T1, 10)).isEmpty();
        assertThat(index.linksOf(List.of(id))).containsExactly(new ObjectLink(id, campaign));
    }

    @Test
    void anObjectKeepsItsNewestVersion() {
        String id = id("indicator", 1);
        store.correlation().index(1, new CorrelationBatch(
                List.of(new IndexedObject(id, "indicator", T2, DE)), List.of(new Occurrence(DOMAIN, id, DE, T2)), List.of()));
        store.correlation().index(2, new CorrelationBatch(
                List.of(new IndexedObject(id, "indicator", T1, DE)), List.of(new Occurrence(DOMAIN, id, DE, T1)), List.of()));

        assertThat(store.correlation().objects(List.of(id))).containsEntry(id, new IndexedObject(id, "indicator", T2, DE));
    }

    @Test
    void theObservablesOfAnObjectAreFoundByItsId() {
        String id = id("observed-data", 1);
        store.correlation().index(1, new CorrelationBatch(List.of(object(id, FR)),
                List.of(new Occurrence(DOMAIN, id, FR, T1), new Occurrence(HASH, id, FR, T1)), List.of()));

        assertThat(store.correlation().observablesOf(List.of(id)).get(id)).containsExactlyInAnyOrder(DOMAIN, HASH);
        assertThat(store.correlation().observablesOf(List.of(id("observed-data", 2)))).isEmpty();
    }

    @Test
    void aReferenceIsFoundFromBothEndsAndItsTargetIsIndexedOnlyOnceItArrives() {
        String sighting = id("sighting", 1);
        String indicator = id("indicator", 2);
        store.correlation().index(1, new CorrelationBatch(List.of(object(sighting, NL)), List.of(),
                List.of(new ObjectLink(sighting, indicator))));

        assertThat(store.correlation().linksOf(List.of(indicator))).containsExactly(new ObjectLink(sighting, indicator));
        assertThat(store.correlation().linksOf(List.of(sighting))).containsExactly(new ObjectLink(sighting, indicator));
        assertThat(store.correlation().objects(List.of(sighting, indicator))).containsOnlyKeys(sighting);

        store.correlation().index(2, new CorrelationBatch(List.of(object(indicator, DE)), List.of(), List.of()));
        assertThat(store.correlation().objects(List.of(indicator))).containsKey(indicator);
    }

    @Test
    void aSightingIndexedBeforeWhatItSightsCarriesItsObservablesOnceThatArrives() {
        String sighting = id("sighting", 11);
        String indicator = id("indicator", 12);
        CorrelationStore index = store.correlation();
        index.index(1, new CorrelationBatch(List.of(object(sighting, DE, T2)), List.of(),
                List.of(new ObjectLink(sighting, indicator)), List.of(new PendingReference(sighting, indicator, FR, T3))));
        assertThat(index.occurrenceCount()).isZero();

        List<Occurrence> added = index.index(2, new CorrelationBatch(List.of(object(indicator, NL, T1)),
                List.of(new Occurrence(PHONE, indicator, NL, T1)), List.of()));

        assertThat(added).containsExactlyInAnyOrder(new Occurrence(PHONE, indicator, NL, T1), new Occurrence(PHONE, sighting, FR, T3));
        assertThat(index.seenInCountries(2, T1, 10)).containsExactly(PHONE);
        // Resolved once: a newer version of the indicator with another value does not reach the sighting.
        index.index(3, new CorrelationBatch(List.of(object(indicator, NL, T2)),
                List.of(new Occurrence(DOMAIN, indicator, NL, T2)), List.of()));
        assertThat(index.occurrencesOf(List.of(DOMAIN))).extracting(Occurrence::objectId).containsExactly(indicator);
    }

    @Test
    void aPendingReferenceOfAnIndexedObjectOrOfAReplacedVersionIsDropped() {
        String sighting = id("sighting", 13);
        String indicator = id("indicator", 14);
        String other = id("indicator", 15);
        CorrelationStore index = store.correlation();
        index.index(1, new CorrelationBatch(List.of(object(indicator, NL, T1)), List.of(new Occurrence(PHONE, indicator, NL, T1)), List.of()));
        index.index(2, new CorrelationBatch(List.of(object(sighting, DE, T1)), List.of(),
                List.of(new ObjectLink(sighting, indicator), new ObjectLink(sighting, other)),
                List.of(new PendingReference(sighting, indicator, FR, T1), new PendingReference(sighting, other, FR, T1))));
        // The sighting's next version no longer sights the other indicator.
        index.index(3, new CorrelationBatch(List.of(object(sighting, DE, T2)), List.of(), List.of(new ObjectLink(sighting, indicator)), List.of()));

        index.index(4, new CorrelationBatch(List.of(object(other, NL, T1)), List.of(new Occurrence(HASH, other, NL, T1)), List.of()));
        assertThat(index.occurrencesOf(List.of(PHONE, HASH))).extracting(Occurrence::objectId).containsExactlyInAnyOrder(indicator, other);
    }

    @Test
    void anObjectWithoutAVersionReferencedBeforeItCameIsIndexedWhenItComes() {
        String observed = id("observed-data", 16);
        String domain = id("domain-name", 17);
        store.correlation().index(1, new CorrelationBatch(List.of(object(observed, DE, T1)), List.of(), List.of(new ObjectLink(observed, domain))));

        store.correlation().index(2, new CorrelationBatch(List.of(new IndexedObject(domain, "domain-name", null, DE)),
                List.of(new Occurrence(DOMAIN, domain, DE, T1)), List.of()));

        assertThat(store.correlation().objects(List.of(domain))).containsKey(domain);
        assertThat(store.correlation().occurrencesOf(List.of(DOMAIN))).extracting(Occurrence::objectId).containsExactly(domain);
    }

    @Test
    void observablesSeenInKCountriesWithinTheWindowAreFound() {
        CorrelationStore index = store.correlation();
        index.index(1, carriedBy(PHONE, T3, DE, FR, NL));
        index.index(2, carriedBy(DOMAIN, T3, DE, FR));
        index.index(3, carriedBy(HASH, T1, DE, FR, NL));

        assertThat(index.seenInCountries(3, T2, 100)).containsExactly(PHONE);
        assertThat(index.seenInCountries(2, T2, 100)).containsExactlyInAnyOrder(PHONE, DOMAIN);
        assertThat(index.seenInCountries(3, T1, 100)).containsExactlyInAnyOrder(PHONE, HASH);
        assertThat(index.seenInCountries(4, T1, 100)).isEmpty();
    }

    @Test
    void twoMembersOfOneCountryCountAsOneCountry() {
        MemberId deBank = member("de-bank");
        store.members().save(new Member(deBank, "DE bank", "DE", Level.SECTORAL, "finance"));
        store.correlation().index(1, carriedBy(PHONE, T3, DE, deBank, FR));

        assertThat(store.correlation().seenInCountries(3, T1, 100)).isEmpty();
        assertThat(store.correlation().seenInCountries(2, T1, 100)).containsExactly(PHONE);
    }

    @Test
    void aClusterQueryWithoutAPositiveKIsRefused() {
        assertThatThrownBy(() -> store.correlation().seenInCountries(0, T1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be at least 1");
    }

    /** Stores the versions of the objects in the collection as the object store would hold them; returns the last seq. */
    private long stored(String collection, IndexedObject... objects) {
        if (store.collections().find(collection).isEmpty()) store.collections().create(new CollectionInfo(collection, collection, null, null));
        for (IndexedObject o : objects) {
            String json = "{\"type\":\"" + o.type() + "\",\"id\":\"" + o.id() + "\",\"modified\":\"" + o.version() + "\"}";
            store.objects().write(collection, List.of(new NewVersion(o.id(), o.type(), "2.1", o.version(), json)));
        }
        return store.objects().versionsAfterSeq(0, java.util.Set.of(), ObjectQuery.MAX_LIMIT).readTo();
    }

    /** Indexes one object carrying the observable, seen by its origin at its version. */
    private List<Occurrence> indexCarrying(long seq, IndexedObject o, Observable observable) {
        return store.correlation().index(seq, new CorrelationBatch(List.of(o), List.of(new Occurrence(observable, o.id(), o.origin(), o.version())), List.of()));
    }

    @Test
    void aDeletedObjectNoLongerCountsForWhoElseHasNeighbourhoodOrClusters() {
        String de = id("indicator", 11);
        String fr = id("indicator", 12);
        String nl = id("sighting", 13);
        CorrelationStore index = store.correlation();
        long seq = stored("a", object(de, DE), object(fr, FR), object(nl, NL));
        index.index(seq, new CorrelationBatch(List.of(object(de, DE), object(fr, FR), object(nl, NL)),
                List.of(new Occurrence(PHONE, de, DE, T1), new Occurrence(PHONE, fr, FR, T1), new Occurrence(PHONE, nl, NL, T1)),
                List.of(new ObjectLink(nl, de))));
        assertThat(index.seenInCountries(3, T1, 10)).containsExactly(PHONE);

        assertThat(store.objects().delete("a", nl, ObjectQuery.all())).isEqualTo(1);

        assertThat(index.occurrencesOf(List.of(PHONE))).extracting(Occurrence::objectId).containsExactlyInAnyOrder(de, fr);
        assertThat(index.seenInCountries(3, T1, 10)).isEmpty();
        assertThat(index.linksOf(List.of(de))).isEmpty();
        assertThat(index.observablesOf(List.of(nl))).isEmpty();
        assertThat(index.objects(List.of(nl, de))).containsOnlyKeys(de);
        assertThat(index.cursor()).isEqualTo(seq);
    }

    @Test
    void deletingOneOfTwoCollectionsCopiesKeepsTheObjectCounting() {
        String id = id("indicator", 21);
        CorrelationStore index = store.correlation();
        stored("a", object(id, NL));
        long seq = stored("b", object(id, NL));
        indexCarrying(seq, object(id, NL), PHONE);
        index.index(seq, carriedBy(PHONE, T1, DE, FR));

        assertThat(store.objects().delete("a", id, ObjectQuery.all())).isEqualTo(1);

        assertThat(index.occurrencesOf(List.of(PHONE))).extracting(Occurrence::member).containsExactlyInAnyOrder(DE, FR, NL);
        assertThat(index.seenInCountries(3, T1, 10)).containsExactly(PHONE);
        assertThat(index.objects(List.of(id))).containsEntry(id, object(id, NL));
    }

    @Test
    void deletingTheNewestVersionWhenAnOlderRemainsMakesTheOlderOneCount() {
        String id = id("indicator", 31);
        CorrelationStore index = store.correlation();
        long older = stored("a", object(id, DE, T1));
        long newest = stored("a", object(id, DE, T2));
        indexCarrying(newest, object(id, DE, T2), PHONE);
        assertThat(index.rereadTo()).as("no delete moved the position back yet").isZero();

        assertThat(store.objects().delete("a", id, ObjectQuery.all().withVersions(VersionSelector.LAST))).isEqualTo(1);

        assertThat(index.occurrencesOf(List.of(PHONE))).isEmpty();
        // The indexer reads again from just before the older version, which is now the one to index.
        assertThat(index.cursor()).isEqualTo(older - 1);
        assertThat(index.rereadTo()).as("how far the index had got: read again, not new").isEqualTo(newest);
        assertThat(indexCarrying(older, object(id, DE, T1), DOMAIN)).containsExactly(new Occurrence(DOMAIN, id, DE, T1));
        assertThat(index.objects(List.of(id))).containsEntry(id, object(id, DE, T1));
        assertThat(index.observablesOf(List.of(id)).get(id)).containsExactly(DOMAIN);
    }

    @Test
    void aPageWhoseVersionWasDeletedWhileItWasReadIsNotWrittenAndItsRowsDoNotComeBack() {
        String id = id("indicator", 51);
        String other = id("indicator", 52);
        CorrelationStore index = store.correlation();
        long seq = stored("a", object(id, DE), object(other, FR));
        IndexedPage page = new IndexedPage(0, seq, 2);
        CorrelationBatch batch = new CorrelationBatch(List.of(object(id, DE), object(other, FR)),
                List.of(new Occurrence(PHONE, id, DE, T1), new Occurrence(PHONE, other, FR, T1)), List.of());

        assertThat(store.objects().delete("a", id, ObjectQuery.all())).isEqualTo(1); // after the page was read

        assertThatThrownBy(() -> index.indexPage(page, batch))
                .isInstanceOf(StalePageException.class).hasMessageContaining("deleted");
        assertThat(index.occurrencesOf(List.of(PHONE))).isEmpty();
        assertThat(index.cursor()).isZero();
        // Read again, the page holds the other object only.
        IndexedAdditions added = index.indexPage(new IndexedPage(0, seq, 1), new CorrelationBatch(List.of(object(other, FR)),
                List.of(new Occurrence(PHONE, other, FR, T1)), List.of()));
        assertThat(added.occurrences()).containsExactly(new Occurrence(PHONE, other, FR, T1));
        assertThat(added.firstIndexed()).containsExactly(PHONE);
        assertThat(index.cursor()).isEqualTo(seq);
    }

    @Test
    void anObservableIsFirstIndexedOnlyByTheBatchThatGaveItItsFirstRow() {
        String first = id("indicator", 71);
        String second = id("indicator", 72);
        CorrelationStore index = store.correlation();
        long one = stored("a", object(first, DE));
        IndexedAdditions earlier = index.indexPage(new IndexedPage(0, one, 1), new CorrelationBatch(List.of(object(first, DE)),
                List.of(new Occurrence(PHONE, first, DE, T1), new Occurrence(DOMAIN, first, DE, T1)), List.of()));
        assertThat(earlier.firstIndexed()).containsExactlyInAnyOrder(PHONE, DOMAIN);

        long two = stored("a", object(second, FR));
        IndexedAdditions later = index.indexPage(new IndexedPage(one, two, 1), new CorrelationBatch(List.of(object(second, FR)),
                List.of(new Occurrence(PHONE, second, FR, T2)), List.of()));
        assertThat(later.occurrences()).containsExactly(new Occurrence(PHONE, second, FR, T2));
        assertThat(later.firstIndexed()).isEmpty();
    }

    @Test
    void aPageReadBeforeADeleteMovedThePositionBackIsNotWritten() {
        String id = id("indicator", 61);
        CorrelationStore index = store.correlation();
        long older = stored("a", object(id, DE, T1));
        long newest = stored("a", object(id, DE, T2));
        assertThat(index.indexPage(new IndexedPage(0, newest, 2), new CorrelationBatch(List.of(object(id, DE, T2)),
                List.of(new Occurrence(PHONE, id, DE, T2)), List.of())).occurrences()).hasSize(1);
        long later = stored("a", object(id("indicator", 62), FR));
        IndexedPage readBeforeTheDelete = new IndexedPage(newest, later, 1);

        assertThat(store.objects().delete("a", id, ObjectQuery.all().withVersions(VersionSelector.LAST))).isEqualTo(1);

        assertThatThrownBy(() -> index.indexPage(readBeforeTheDelete, CorrelationBatch.empty()))
                .isInstanceOf(StalePageException.class).hasMessageContaining("moved");
        assertThat(index.cursor()).isEqualTo(older - 1);
    }

    @Test
    void aSecondDeleteWhileTheIndexReadsAgainKeepsTheFurthestPositionItHadReached() {
        String one = id("indicator", 71);
        String two = id("indicator", 72);
        CorrelationStore index = store.correlation();
        long oneOlder = stored("a", object(one, DE, T1));
        long twoOlder = stored("a", object(two, FR, T1));
        long oneNewest = stored("a", object(one, DE, T2));
        long twoNewest = stored("a", object(two, FR, T2));
        index.index(twoNewest, new CorrelationBatch(List.of(object(one, DE, T2), object(two, FR, T2)),
                List.of(new Occurrence(PHONE, one, DE, T2), new Occurrence(PHONE, two, FR, T2)), List.of()));

        assertThat(store.objects().delete("a", two, ObjectQuery.all().withVersions(VersionSelector.LAST))).isEqualTo(1);
        assertThat(index.cursor()).isEqualTo(twoOlder - 1);
        assertThat(store.objects().delete("a", one, ObjectQuery.all().withVersions(VersionSelector.LAST))).isEqualTo(1);

        assertThat(index.cursor()).isEqualTo(oneOlder - 1);
        assertThat(index.rereadTo()).isEqualTo(twoNewest).isGreaterThan(oneNewest);
    }

    @Test
    void deletingAVersionTheIndexDoesNotHoldChangesNothing() {
        String id = id("indicator", 41);
        CorrelationStore index = store.correlation();
        stored("a", object(id, DE, T1));
        long seq = stored("a", object(id, DE, T2));
        indexCarrying(seq, object(id, DE, T2), PHONE);

        assertThat(store.objects().delete("a", id, ObjectQuery.all().withVersions(VersionSelector.FIRST))).isEqualTo(1);

        assertThat(index.occurrencesOf(List.of(PHONE))).containsExactly(new Occurrence(PHONE, id, DE, T2));
        assertThat(index.cursor()).isEqualTo(seq);
    }
}
