package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Random sequences of writes, deletes and queries against a store and against {@link ObjectStoreModel}:
 * every query, read page by page, must return exactly what the model says. Each try uses a fresh
 * collection of one store per property.
 */
public abstract class FindAgreesWithModelProperties {
    private static final List<String> VERSIONED_IDS = List.of("indicator--1", "indicator--2", "malware--3");
    private static final List<String> UNVERSIONED_IDS = List.of("ipv4-addr--4", "ipv4-addr--5");
    private static final List<String> IDS = List.of(
            "indicator--1", "indicator--2", "malware--3", "ipv4-addr--4", "ipv4-addr--5");
    private static final List<String> TYPES = List.of("indicator", "malware", "ipv4-addr");
    private static final List<String> SPEC_VERSIONS = List.of("2.0", "2.1");
    private static final List<Instant> VERSIONS = List.of(
            Instant.parse("2024-01-01T00:00:00.001Z"),
            Instant.parse("2024-01-02T00:00:00Z"),
            Instant.parse("2024-01-03T12:00:00.999Z"),
            Instant.parse("2024-01-04T00:00:00Z"));

    sealed interface Operation {}

    record Write(List<NewVersion> batch) implements Operation {}

    record Delete(String objectId, VersionSelector versions, Set<String> specVersions) implements Operation {}

    /** {@code addedAfterPick} and {@code atPick} name a stored version by position, resolved when run. */
    record Query(Set<String> ids, Set<String> types, Set<String> specVersions, VersionSelector versions,
                 Integer addedAfterPick, Integer atPick, int limit) implements Operation {}

    private final AtomicInteger tries = new AtomicInteger();
    private Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    @BeforeProperty
    void open() {
        store = openStore();
    }

    @AfterProperty
    void close() {
        store.close();
    }

    @Property(tries = 60)
    void findReturnsWhatTheModelReturns(@ForAll("operations") List<Operation> operations) {
        String collection = "try-" + tries.incrementAndGet();
        store.collections().create(new CollectionInfo(collection, collection, null, null));
        ObjectStoreModel model = new ObjectStoreModel();
        for (Operation operation : operations) {
            switch (operation) {
                case Write write -> write(collection, write.batch(), model);
                case Delete delete -> {
                    ObjectQuery query = ObjectQuery.all().withVersions(delete.versions()).withSpecVersions(delete.specVersions());
                    assertThat(store.objects().delete(collection, delete.objectId(), query))
                            .isEqualTo(model.delete(delete.objectId(), query));
                }
                case Query query -> compare(collection, resolve(query, model), query.limit(), model);
            }
        }
        assertThat(store.objects().countObjects(collection))
                .isEqualTo(model.all().stream().map(StoredVersion::id).distinct().count());
    }

    private void write(String collection, List<NewVersion> batch, ObjectStoreModel model) {
        List<WriteOutcome> outcomes = store.objects().write(collection, batch);
        assertThat(outcomes).isEqualTo(model.outcomesOf(batch));
        List<NewVersion> added = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) if (outcomes.get(i) == WriteOutcome.ADDED) added.add(batch.get(i));

        List<StoredVersion> stored = readAllPages(collection, ObjectQuery.all().withAfterSeq(model.highestSeq()));
        assertThat(stored).hasSameSizeAs(added);
        for (int i = 0; i < added.size(); i++) {
            NewVersion written = added.get(i);
            StoredVersion found = stored.get(i);
            assertThat(found.id()).isEqualTo(written.id());
            assertThat(found.json()).isEqualTo(written.json());
            assertThat(found.specVersion()).isEqualTo(written.specVersion());
            assertThat(found.version()).isEqualTo(written.version() == null ? found.dateAdded() : written.version());
            model.added(written, found);
        }
    }

    private static ObjectQuery resolve(Query query, ObjectStoreModel model) {
        List<StoredVersion> known = model.all();
        Instant addedAfter = query.addedAfterPick() == null || known.isEmpty()
                ? null
                : known.get(query.addedAfterPick() % known.size()).dateAdded();
        VersionSelector versions = query.versions();
        if (query.atPick() != null && !known.isEmpty()) {
            Set<Instant> at = new HashSet<>(versions.at());
            at.add(known.get(query.atPick() % known.size()).version());
            versions = new VersionSelector(versions.first(), versions.last(), versions.all(), at);
        }
        return new ObjectQuery(query.ids(), query.types(), versions, query.specVersions(), addedAfter, 0,
                ObjectQuery.MAX_LIMIT);
    }

    private void compare(String collection, ObjectQuery query, int limit, ObjectStoreModel model) {
        List<StoredVersion> expected = model.find(query);
        Page firstPage = store.objects().find(collection, query.withLimit(limit));
        assertThat(firstPage.more()).isEqualTo(expected.size() > limit);
        List<StoredVersion> pages = new ArrayList<>();
        ObjectQuery next = query.withLimit(limit);
        Page page;
        do {
            page = store.objects().find(collection, next);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            pages.addAll(page.items());
            next = next.withAfterSeq(page.nextSeq());
        } while (page.more());
        assertThat(pages).isEqualTo(expected);
    }

    private List<StoredVersion> readAllPages(String collection, ObjectQuery query) {
        List<StoredVersion> all = new ArrayList<>();
        Page page;
        do {
            page = store.objects().find(collection, query);
            all.addAll(page.items());
            query = query.withAfterSeq(page.nextSeq());
        } while (page.more());
        return all;
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        return Arbitraries.frequencyOf(
                        Tuple.of(4, writes()),
                        Tuple.of(1, deletes()),
                        Tuple.of(4, queries()))
                .list()
                .ofMinSize(1)
                .ofMaxSize(16);
    }

    private static Arbitrary<Operation> writes() {
        Arbitrary<NewVersion> versioned = Combinators.combine(
                        Arbitraries.of(VERSIONED_IDS), Arbitraries.of(VERSIONS), Arbitraries.of(SPEC_VERSIONS))
                .as(FindAgreesWithModelProperties::version);
        Arbitrary<NewVersion> unversioned = Combinators.combine(Arbitraries.of(UNVERSIONED_IDS), Arbitraries.of(SPEC_VERSIONS))
                .as((id, spec) -> version(id, null, spec));
        return Arbitraries.frequencyOf(Tuple.of(3, versioned), Tuple.of(1, unversioned))
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(Write::new);
    }

    private static NewVersion version(String id, Instant version, String specVersion) {
        String type = id.substring(0, id.indexOf("--"));
        String json = "{\"id\":\"" + id + "\",\"v\":\"" + version + "\",\"spec\":\"" + specVersion + "\"}";
        return new NewVersion(id, type, specVersion, version, json);
    }

    private static Arbitrary<Operation> deletes() {
        return Combinators.combine(Arbitraries.of(IDS), selectors(), Arbitraries.of(SPEC_VERSIONS).set().ofMaxSize(1))
                .as(Delete::new);
    }

    private static Arbitrary<Operation> queries() {
        return Combinators.combine(
                        Arbitraries.of(IDS).set().ofMaxSize(2),
                        Arbitraries.of(TYPES).set().ofMaxSize(2),
                        Arbitraries.of(SPEC_VERSIONS).set().ofMaxSize(1),
                        selectors(),
                        Arbitraries.integers().between(0, 1000).injectNull(0.6),
                        Arbitraries.integers().between(0, 1000).injectNull(0.8),
                        Arbitraries.integers().between(1, 5))
                .as(Query::new);
    }

    private static Arbitrary<VersionSelector> selectors() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false, false, false),
                        Arbitraries.of(VERSIONS).set().ofMaxSize(2))
                .as(VersionSelector::new);
    }
}
