package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, run against each implementation by a subclass that opens a fresh,
 * empty store per test.
 */
public abstract class StoreContract {
    protected static final String COLLECTION = "c1";
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00.001Z");
    private static final Instant T2 = Instant.parse("2024-01-02T00:00:00.002Z");
    private static final Instant T3 = Instant.parse("2024-01-03T00:00:00.003Z");

    protected Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    /** Makes the database refuse to insert any version of this object, to fail a batch half-way. */
    protected abstract void rejectInsertsOf(String objectId);

    @BeforeEach
    void openEmptyStoreWithOneCollection() {
        store = openStore();
        store.collections().create(new CollectionInfo(COLLECTION, "Collection one", null, "one"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static NewVersion version(String id, Instant version) {
        return version(id, version, "2.1");
    }

    protected static NewVersion version(String id, Instant version, String specVersion) {
        String type = id.substring(0, id.indexOf("--"));
        String json = "{\"type\":\"" + type + "\",\"id\":\"" + id + "\""
                + (version == null ? "" : ",\"modified\":\"" + version + "\"") + "}";
        return new NewVersion(id, type, specVersion, version, json);
    }

    private List<WriteOutcome> write(NewVersion... versions) {
        return store.objects().write(COLLECTION, List.of(versions));
    }

    private List<StoredVersion> find(ObjectQuery query) {
        return store.objects().find(COLLECTION, query).items();
    }

    private static List<String> idsAndVersions(List<StoredVersion> versions) {
        return versions.stream().map(v -> v.id() + "@" + v.version()).toList();
    }

    @Test
    void aWrittenVersionIsFoundAsItWasWritten() {
        NewVersion written = version("indicator--a", T1);
        assertThat(write(written)).containsExactly(WriteOutcome.ADDED);

        StoredVersion found = find(ObjectQuery.all()).getFirst();
        assertThat(found.id()).isEqualTo("indicator--a");
        assertThat(found.type()).isEqualTo("indicator");
        assertThat(found.specVersion()).isEqualTo("2.1");
        assertThat(found.version()).isEqualTo(T1);
        assertThat(found.json()).isEqualTo(written.json());
        assertThat(found.seq()).isPositive();
    }

    @Test
    void writingTheSameVersionTwiceChangesNothing() {
        write(version("indicator--a", T1));
        StoredVersion before = find(ObjectQuery.all()).getFirst();

        NewVersion again = new NewVersion("indicator--a", "indicator", "2.1", T1, "{\"changed\":true}");
        assertThat(write(again)).containsExactly(WriteOutcome.ALREADY_PRESENT);

        assertThat(find(ObjectQuery.all())).containsExactly(before);
    }

    @Test
    void theChangeMarkMovesWithEveryAddedOrDeletedVersionAndOnlyThen() {
        long empty = store.objects().changeMark();
        write(version("indicator--a", T1));
        long afterAdd = store.objects().changeMark();
        assertThat(afterAdd).isNotEqualTo(empty);

        write(version("indicator--a", T1));
        assertThat(store.objects().changeMark()).isEqualTo(afterAdd);

        assertThat(store.objects().delete(COLLECTION, "indicator--a", ObjectQuery.all())).isEqualTo(1);
        assertThat(store.objects().changeMark()).isNotEqualTo(afterAdd);
    }

    @Test
    void anObjectWithoutVersionHasExactlyOneVersionNamedByItsDateAdded() {
        assertThat(write(version("ipv4-addr--a", null))).containsExactly(WriteOutcome.ADDED);
        assertThat(write(version("ipv4-addr--a", null))).containsExactly(WriteOutcome.ALREADY_PRESENT);

        List<StoredVersion> all = find(ObjectQuery.all());
        assertThat(all).hasSize(1);
        StoredVersion only = all.getFirst();
        assertThat(only.version()).isEqualTo(only.dateAdded());
        assertThat(find(ObjectQuery.all().withVersions(VersionSelector.FIRST))).containsExactly(only);
        assertThat(find(ObjectQuery.all().withVersions(VersionSelector.LAST))).containsExactly(only);
        assertThat(find(ObjectQuery.all().withVersions(VersionSelector.at(only.dateAdded())))).containsExactly(only);
    }

    @Test
    void duplicatesInsideOneBatchKeepTheFirst() {
        NewVersion first = new NewVersion("indicator--a", "indicator", "2.1", T1, "{\"n\":1}");
        NewVersion second = new NewVersion("indicator--a", "indicator", "2.1", T1, "{\"n\":2}");

        assertThat(write(first, version("indicator--b", T1), second))
                .containsExactly(WriteOutcome.ADDED, WriteOutcome.ADDED, WriteOutcome.ALREADY_PRESENT);
        assertThat(find(ObjectQuery.all().withIds(Set.of("indicator--a"))))
                .extracting(StoredVersion::json)
                .containsExactly("{\"n\":1}");
    }

    @Test
    void aFailedBatchStoresNothing() {
        write(version("indicator--kept", T1));
        List<StoredVersion> before = find(ObjectQuery.all());
        rejectInsertsOf("indicator--poison");

        List<NewVersion> batch = List.of(
                version("indicator--kept", T2), // would move the last flag of a stored object
                version("indicator--new", T1),
                version("indicator--poison", T1),
                version("indicator--after", T1));
        assertThatThrownBy(() -> store.objects().write(COLLECTION, batch)).isInstanceOf(RuntimeException.class);

        assertThat(find(ObjectQuery.all())).isEqualTo(before);
        assertThat(find(ObjectQuery.latest())).isEqualTo(before);
        assertThat(write(version("indicator--new", T1))).containsExactly(WriteOutcome.ADDED);
    }

    @Test
    void writingToAnUnknownCollectionIsRejectedNamingIt() {
        assertThatThrownBy(() -> store.objects().write("nowhere", List.of(version("indicator--a", T1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> store.objects().find("nowhere", ObjectQuery.all()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void lastVersionFilterReturnsOnlyTheNewestVersionOfEachObject() {
        // Versions arrive out of order: the newest by version, not by arrival, is last.
        write(version("indicator--a", T2), version("indicator--b", T1));
        write(version("indicator--a", T3), version("indicator--a", T1), version("indicator--b", T2));

        assertThat(idsAndVersions(find(ObjectQuery.latest())))
                .containsExactly("indicator--a@" + T3, "indicator--b@" + T2);
        assertThat(idsAndVersions(find(ObjectQuery.all().withVersions(VersionSelector.FIRST))))
                .containsExactly("indicator--b@" + T1, "indicator--a@" + T1);
    }

    @Test
    void explicitVersionsAndFirstOrLastCombine() {
        write(version("indicator--a", T1), version("indicator--a", T2), version("indicator--a", T3));

        assertThat(idsAndVersions(find(ObjectQuery.all().withVersions(VersionSelector.at(T2)))))
                .containsExactly("indicator--a@" + T2);
        VersionSelector firstAndT2 = new VersionSelector(true, false, false, Set.of(T2));
        assertThat(idsAndVersions(find(ObjectQuery.all().withVersions(firstAndT2))))
                .containsExactly("indicator--a@" + T1, "indicator--a@" + T2);
        VersionSelector firstAndLast = new VersionSelector(true, true, false, Set.of());
        assertThat(idsAndVersions(find(ObjectQuery.all().withVersions(firstAndLast))))
                .containsExactly("indicator--a@" + T1, "indicator--a@" + T3);
        assertThat(find(ObjectQuery.all().withVersions(VersionSelector.at(Instant.parse("2030-01-01T00:00:00Z")))))
                .isEmpty();
    }

    @Test
    void pagingAcrossPagesIsStableAndComplete() {
        for (int batch = 0; batch < 5; batch++) {
            int b = batch;
            write(IntStream.range(0, 20).mapToObj(i -> version("indicator--" + b + "-" + i, T1)).toArray(NewVersion[]::new));
        }
        List<StoredVersion> seen = new ArrayList<>();
        ObjectQuery query = ObjectQuery.all().withLimit(7);
        Page page;
        int pages = 0;
        do {
            page = store.objects().find(COLLECTION, query);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
            seen.addAll(page.items());
            query = query.withAfterSeq(page.nextSeq());
            if (++pages == 3) write(version("indicator--late", T1)); // added while a client pages
        } while (page.more());

        assertThat(seen).hasSize(101);
        assertThat(seen).extracting(StoredVersion::seq).isSorted().doesNotHaveDuplicates();
        assertThat(seen.getLast().id()).isEqualTo("indicator--late");
        assertThat(seen).isEqualTo(find(ObjectQuery.all()));
    }

    @Test
    void aFullLastPageSaysNoMore() {
        write(version("indicator--a", T1), version("indicator--b", T1));

        Page page = store.objects().find(COLLECTION, ObjectQuery.all().withLimit(2));
        assertThat(page.items()).hasSize(2);
        assertThat(page.more()).isFalse();
        assertThat(store.objects().find(COLLECTION, ObjectQuery.all().withLimit(1)).more()).isTrue();
    }

    @Test
    void addedAfterKeepsOnlyVersionsAddedStrictlyLater() {
        write(version("indicator--a", T1));
        write(version("indicator--b", T1));
        write(version("indicator--c", T1));
        List<StoredVersion> all = find(ObjectQuery.all());

        Instant second = all.get(1).dateAdded();
        assertThat(find(ObjectQuery.all().withAddedAfter(second))).containsExactly(all.get(2));
        assertThat(find(ObjectQuery.all().withAddedAfter(second.minusNanos(1000)))).containsExactly(all.get(1), all.get(2));
    }

    @Test
    void dateAddedIsStrictlyIncreasingAcrossVersionsBatchesAndCollections() {
        store.collections().create(new CollectionInfo("c2", "Collection two", null, null));
        for (int round = 0; round < 20; round++) {
            write(version("indicator--a" + round, T1), version("indicator--b" + round, T1));
            store.objects().write("c2", List.of(version("indicator--c" + round, T1)));
        }
        List<StoredVersion> all = new ArrayList<>(find(ObjectQuery.all()));
        all.addAll(store.objects().find("c2", ObjectQuery.all()).items());
        all.sort((x, y) -> Long.compare(x.seq(), y.seq()));

        assertThat(all).extracting(StoredVersion::dateAdded).isSorted().doesNotHaveDuplicates();
        assertThat(all.getLast().dateAdded()).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
    }

    @Test
    void specVersionTypeAndIdFiltersCombine() {
        write(version("indicator--a", T1, "2.0"), version("indicator--b", T1, "2.1"),
                version("malware--c", T1, "2.1"), version("malware--d", T1, "2.0"));

        assertThat(idsAndVersions(find(ObjectQuery.all().withSpecVersions(Set.of("2.0")))))
                .containsExactly("indicator--a@" + T1, "malware--d@" + T1);
        assertThat(idsAndVersions(find(ObjectQuery.all().withTypes(Set.of("malware")).withSpecVersions(Set.of("2.1")))))
                .containsExactly("malware--c@" + T1);
        assertThat(idsAndVersions(find(ObjectQuery.all().withIds(Set.of("indicator--b", "malware--d")))))
                .containsExactly("indicator--b@" + T1, "malware--d@" + T1);
    }

    @Test
    void deletingTheLastVersionMakesThePreviousOneLast() {
        write(version("indicator--a", T1), version("indicator--a", T2), version("indicator--a", T3));

        int deleted = store.objects().delete(COLLECTION, "indicator--a", ObjectQuery.all().withVersions(VersionSelector.LAST));

        assertThat(deleted).isEqualTo(1);
        assertThat(idsAndVersions(find(ObjectQuery.latest()))).containsExactly("indicator--a@" + T2);
        assertThat(idsAndVersions(find(ObjectQuery.all().withVersions(VersionSelector.FIRST))))
                .containsExactly("indicator--a@" + T1);
    }

    @Test
    void deletingTheFirstVersionMakesTheNextOneFirst() {
        write(version("indicator--a", T1), version("indicator--a", T2), version("indicator--a", T3));

        assertThat(store.objects().delete(COLLECTION, "indicator--a", ObjectQuery.all().withVersions(VersionSelector.FIRST)))
                .isEqualTo(1);
        assertThat(idsAndVersions(find(ObjectQuery.all().withVersions(VersionSelector.FIRST))))
                .containsExactly("indicator--a@" + T2);
    }

    @Test
    void deleteHonoursSpecVersionAndCountsWhatItDeleted() {
        write(version("indicator--a", T1, "2.0"), version("indicator--a", T2, "2.1"), version("indicator--b", T1));

        assertThat(store.objects().delete(COLLECTION, "indicator--a",
                ObjectQuery.all().withVersions(VersionSelector.ALL).withSpecVersions(Set.of("2.0")))).isEqualTo(1);
        assertThat(store.objects().delete(COLLECTION, "indicator--a", ObjectQuery.all())).isEqualTo(1);
        assertThat(store.objects().delete(COLLECTION, "indicator--a", ObjectQuery.all())).isZero();

        assertThat(idsAndVersions(find(ObjectQuery.all()))).containsExactly("indicator--b@" + T1);
        assertThat(store.objects().countObjects(COLLECTION)).isEqualTo(1);
    }

    @Test
    void aDeletedVersionCanBeWrittenAgainWithALaterSequenceNumber() {
        write(version("indicator--a", T1));
        long firstSeq = find(ObjectQuery.all()).getFirst().seq();
        store.objects().delete(COLLECTION, "indicator--a", ObjectQuery.all());

        assertThat(write(version("indicator--a", T1))).containsExactly(WriteOutcome.ADDED);
        assertThat(find(ObjectQuery.all()).getFirst().seq()).isGreaterThan(firstSeq);
    }

    @Test
    void countObjectsCountsObjectsNotVersions() {
        write(version("indicator--a", T1), version("indicator--a", T2), version("ipv4-addr--b", null));

        assertThat(store.objects().countObjects(COLLECTION)).isEqualTo(2);
    }

    @Test
    void collectionsKeepTheirVersionsApart() {
        store.collections().create(new CollectionInfo("c2", "Collection two", null, null));
        write(version("indicator--a", T1));

        assertThat(store.objects().write("c2", List.of(version("indicator--a", T1)))).containsExactly(WriteOutcome.ADDED);
        assertThat(store.objects().find("c2", ObjectQuery.all().withVersions(VersionSelector.FIRST)).items()).hasSize(1);
        assertThat(store.objects().countObjects("c2")).isEqualTo(1);
    }

    @Test
    void versionsAfterASeqComeFromEveryCollectionInSeqOrderAndPageByTheirLastSeq() {
        store.collections().create(new CollectionInfo("c2", "Collection two", null, null));
        write(version("indicator--a", T1));
        store.objects().write("c2", List.of(version("indicator--a", T1), version("malware--b", T2)));
        write(version("indicator--a", T2));

        List<StoredVersion> all = versionsAfter(0, 10);
        assertThat(idsAndVersions(all)).containsExactly(
                "indicator--a@" + T1, "indicator--a@" + T1, "malware--b@" + T2, "indicator--a@" + T2);
        assertThat(all).extracting(StoredVersion::seq).isSorted().doesNotHaveDuplicates();
        List<StoredVersion> firstTwo = versionsAfter(0, 2);
        assertThat(versionsAfter(firstTwo.getLast().seq(), 10)).isEqualTo(all.subList(2, 4));
        assertThat(versionsAfter(all.getLast().seq(), 10)).isEmpty();

        store.objects().delete("c2", "malware--b", ObjectQuery.all());
        assertThat(idsAndVersions(versionsAfter(0, 10))).doesNotContain("malware--b@" + T2);
        assertThatThrownBy(() -> versionsAfter(0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be");
    }

    private List<StoredVersion> versionsAfter(long seq, int limit) {
        return store.objects().versionsAfterSeq(seq, Set.of(), limit).versions().stream().map(VersionInCollection::version).toList();
    }

    @Test
    void parallelWritersAndReadersNeitherLoseNorDuplicate() throws Exception {
        int writers = 4;
        int batches = 25;
        int perBatch = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<WriteOutcome> sharedOutcomes = new ConcurrentLinkedQueue<>();
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < batches; b++) {
                        List<NewVersion> batch = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) batch.add(version("indicator--w" + writer + "-" + b + "-" + i, T1));
                        batch.add(version("indicator--shared-" + b, T1)); // every writer races for this one
                        List<WriteOutcome> outcomes = store.objects().write(COLLECTION, batch);
                        sharedOutcomes.add(outcomes.getLast());
                    }
                    return null;
                }));
            }
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    int passes = 0;
                    int lastTotal = 0;
                    do {
                        Set<Long> seqs = new HashSet<>();
                        long previous = 0;
                        ObjectQuery query = ObjectQuery.latest().withLimit(53);
                        Page page;
                        do {
                            page = store.objects().find(COLLECTION, query);
                            for (StoredVersion item : page.items()) {
                                assertThat(item.seq()).isGreaterThan(previous);
                                assertThat(seqs.add(item.seq())).isTrue();
                                previous = item.seq();
                            }
                            query = query.withAfterSeq(page.nextSeq());
                        } while (page.more());
                        assertThat(seqs.size()).isGreaterThanOrEqualTo(lastTotal);
                        lastTotal = seqs.size();
                        passes++;
                    } while (writing.get());
                    return passes;
                }));
            }
            start.countDown();
            for (Future<?> write : writes) write.get(2, TimeUnit.MINUTES);
            writing.set(false);
            for (Future<Integer> read : reads) assertThat(read.get(2, TimeUnit.MINUTES)).isPositive();

            assertThat(sharedOutcomes.stream().filter(WriteOutcome.ADDED::equals)).hasSize(batches);
            int expected = writers * batches * perBatch + batches;
            assertThat(store.objects().countObjects(COLLECTION)).isEqualTo(expected);
            List<StoredVersion> all = new ArrayList<>();
            ObjectQuery query = ObjectQuery.all().withLimit(500);
            Page page;
            do {
                page = store.objects().find(COLLECTION, query);
                all.addAll(page.items());
                query = query.withAfterSeq(page.nextSeq());
            } while (page.more());
            assertThat(all).hasSize(expected);
            assertThat(all).extracting(StoredVersion::id).doesNotHaveDuplicates();
            assertThat(all).extracting(StoredVersion::dateAdded).isSorted().doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void collectionsAreFoundByIdOrAliasAndListedInCreationOrder() {
        store.collections().create(new CollectionInfo("c0", "Collection zero", "the last one", null));

        assertThat(store.collections().find("one")).map(CollectionInfo::id).contains(COLLECTION);
        assertThat(store.collections().find("c0"))
                .contains(new CollectionInfo("c0", "Collection zero", "the last one", null));
        assertThat(store.collections().find("missing")).isEmpty();
        assertThat(store.collections().list()).extracting(CollectionInfo::id).containsExactly(COLLECTION, "c0");
    }

    @Test
    void aTakenCollectionIdOrAliasIsRefused() {
        assertThatThrownBy(() -> store.collections().create(new CollectionInfo(COLLECTION, "again", null, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.collections().create(new CollectionInfo("c9", "again", null, "one")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.collections().create(new CollectionInfo("one", "again", null, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.collections().list()).hasSize(1);
    }

    @Test
    void statusesRoundTripAndAreReplacedWhole() {
        Instant requested = Instant.parse("2024-05-01T10:00:00.123456Z");
        StatusRecord pending = new StatusRecord("s1", "alice", "pending", requested, 3,
                List.of(new StatusRecord.Detail("indicator--a", T1.toString(), null)),
                List.of(new StatusRecord.Detail("indicator--b", null, "no type")),
                List.of(new StatusRecord.Detail("indicator--c", T2.toString(), null),
                        new StatusRecord.Detail("indicator--d", T3.toString(), null)));
        store.statuses().save(pending);
        assertThat(store.statuses().find("s1")).contains(pending);

        StatusRecord complete = new StatusRecord("s1", "alice", "complete", requested, 3,
                List.of(new StatusRecord.Detail("indicator--a", T1.toString(), null),
                        new StatusRecord.Detail("indicator--c", T2.toString(), null)),
                List.of(new StatusRecord.Detail("indicator--b", null, "no type")),
                List.of());
        store.statuses().save(complete);
        assertThat(store.statuses().find("s1")).contains(complete);
        assertThat(store.statuses().find("s2")).isEmpty();
    }

    @Test
    void accountsTokensAndGrantsRoundTrip() {
        AccountStore accounts = store.accounts();
        accounts.saveUser(new Account("bob", "hash-1", false));
        accounts.saveUser(new Account("alice", null, true));
        accounts.addToken("token-hash", "bob", "laptop");
        accounts.grant("bob", COLLECTION, true, false);

        accounts.saveUser(new Account("bob", "hash-2", false)); // replacing keeps tokens and grants
        assertThat(accounts.findUser("bob")).contains(new Account("bob", "hash-2", false));
        assertThat(accounts.listUsers()).extracting(Account::name).containsExactly("alice", "bob");
        assertThat(accounts.findByTokenHash("token-hash")).map(Account::name).contains("bob");
        assertThat(accounts.findByTokenHash("other")).isEmpty();
        assertThat(accounts.rights("bob", COLLECTION)).isEqualTo(new Rights(true, false));
        assertThat(accounts.rights("bob", "c2")).isEqualTo(Rights.NONE);
        assertThat(accounts.findUser("carol")).isEqualTo(Optional.empty());

        accounts.grant("bob", COLLECTION, true, true);
        assertThat(accounts.rights("bob", COLLECTION)).isEqualTo(Rights.READ_WRITE);
        accounts.grant("bob", COLLECTION, false, false);
        assertThat(accounts.rights("bob", COLLECTION)).isEqualTo(Rights.NONE);
        assertThatThrownBy(() -> accounts.addToken("t2", "carol", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carol");
    }
}
