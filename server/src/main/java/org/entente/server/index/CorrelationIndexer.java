package org.entente.server.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.store.CorrelationBatch;
import org.entente.store.CorrelationStore;
import org.entente.store.IndexedAdditions;
import org.entente.store.IndexedObject;
import org.entente.store.IndexedPage;
import org.entente.store.ObjectLink;
import org.entente.store.ObjectQuery;
import org.entente.store.Occurrence;
import org.entente.store.PendingReference;
import org.entente.store.SeqPage;
import org.entente.store.StalePageException;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.entente.store.VersionInCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index stage of correlation: reads what the object store holds, after it was stored, and feeds the
 * {@link CorrelationStore}. It follows all collections at once by seq (unique across them) from one cursor
 * kept in the correlation store and moved in the same transaction as the rows it covers, so it runs behind
 * ingest without slowing it and resumes after a restart where it stopped.
 *
 * <p>A version is indexed once however many collections hold it (an origin keeps a shared object in
 * {@code default} and in the community's collection): a copy of a version indexed a moment ago is skipped
 * before it is read, and the correlation store ignores any version not newer than the one it holds. Only the
 * properties the index reads are taken from each version's JSON ({@link CarriedObservables#reads}).
 *
 * <p>Deletes are the store's business ({@link CorrelationStore}): a delete of the version the index holds
 * removes what it carried in the delete's transaction and, if an older version remains, moves the cursor back
 * before it. The indexer then reads on from there as from any cursor, forgetting the versions it remembers
 * (they would hide the older version). What it reads again, up to the furthest position the index had reached
 * ({@link CorrelationStore#rereadTo}, kept by the delete's transaction, so also across a restart), it reports to
 * no listener: the older version's occurrences were reported when it or the deleted version was first indexed,
 * and a listener told again would warn a member twice of one cluster. Of the versions stored after the older
 * one up to that position it parses and writes none the index holds already: it pages through their rows only.
 *
 * <p>The member of an occurrence is the origin of the object (its first sharing labels), or this node's
 * own member for an object that was never shared to it; for a sighting, the members its
 * {@code where_sighted_refs} names. A received version commits together with its sharing labels
 * ({@link org.entente.store.Store#atomically}), so a version that has none when it is read is a local one.
 * An object's observables are its own (see {@link CarriedObservables})
 * plus those of the objects it carries by reference: from the same batch or the index, or, for a reference
 * to an object not indexed yet (a sighting indexed before the indicator it sights), once that object is
 * indexed ({@link PendingReference}). Not followed further: a sighting of an observed-data whose SCO comes
 * after both does not gain the SCO's values.
 */
public final class CorrelationIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CorrelationIndexer.class);
    /**
     * Versions read and indexed per transaction: as many as one page of the store gives
     * ({@link org.entente.store.ObjectQuery#MAX_LIMIT}), since each transaction rewrites every page it touches of
     * the index's hash-keyed indexes, and larger transactions touch each page for more new keys.
     */
    public static final int DEFAULT_BATCH = org.entente.store.ObjectQuery.MAX_LIMIT;

    private final Store store;
    private final MemberId local;
    private final int batchSize;
    private final List<Consumer<IndexedAdditions>> listeners = new CopyOnWriteArrayList<>();
    /** The versions indexed last, by object id: the other copies of a shared object come a few pages later. */
    private final Map<String, Instant> recent;
    /** The cursor this indexer left; a lower one in the store means a delete moved it back (see catchUp). */
    private long indexedTo;
    private volatile StoreFollower loop;

    public CorrelationIndexer(Store store, MemberId local, int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.local = Objects.requireNonNull(local, "local");
        if (batchSize < 1 || batchSize > ObjectQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("batch size must be 1.." + ObjectQuery.MAX_LIMIT + ", not " + batchSize);
        }
        this.batchSize = batchSize;
        int remembered = Math.max(16_384, 8 * batchSize);
        this.recent = new LinkedHashMap<>(2 * remembered) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > remembered;
            }
        };
    }

    /**
     * Calls the listener with what each indexed batch added (never no occurrences), on the indexing thread,
     * after the batch committed. The warn stage passes it to {@link Correlation#reached}. Not called for what a
     * batch read again after a delete adds (an older version in a deleted one's place).
     */
    public void onIndexed(Consumer<IndexedAdditions> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Indexes everything stored since the last run, in every collection; returns how many occurrences were new. */
    public synchronized long catchUp() {
        long added = 0;
        long cursor = store.correlation().cursor();
        // A delete of the version the index held moves the cursor back to an older version to index instead
        // (CorrelationStore): what this indexer remembers of newer versions must not skip it.
        if (cursor < indexedTo) recent.clear();
        long reread = store.correlation().rereadTo();
        SeqPage read;
        boolean again;
        do {
            read = store.objects().versionsAfterSeq(cursor, Set.of(), batchSize);
            List<StoredVersion> page = read.versions().stream().map(VersionInCollection::version).toList();
            if (page.isEmpty()) break;
            Reread split = Reread.of(page, cursor, reread);
            page = split.page();
            List<StoredVersion> unindexed = split.again() ? notHeld(unindexed(page)) : unindexed(page);
            IndexedAdditions batch;
            try {
                batch = store.correlation().indexPage(new IndexedPage(cursor, page.getLast().seq(), page.size()), batchOf(read(unindexed)));
            } catch (StalePageException e) {
                // A delete changed the page meanwhile; its rows must not come back: read again from where the index is.
                LOG.debug("re-reading a page: {}", e.getMessage());
                recent.clear();
                cursor = store.correlation().cursor();
                reread = store.correlation().rereadTo();
                again = true;
                continue;
            }
            cursor = page.getLast().seq();
            for (StoredVersion v : unindexed) recent.merge(v.id(), v.version(), (a, b) -> b.isAfter(a) ? b : a);
            added += batch.occurrences().size();
            if (!batch.isEmpty() && !split.again()) notifyListeners(batch);
            again = split.cut() || read.more();
        } while (again);
        indexedTo = cursor;
        return added;
    }

    /**
     * A page read after a delete moved the cursor back: the part up to {@code rereadTo} ({@code again}: read before,
     * and what it adds is an older version taking a deleted one's place, whose occurrences listeners heard of
     * already), cut there ({@code cut}) so that a page is either read again or new, never both.
     */
    private record Reread(List<StoredVersion> page, boolean again, boolean cut) {
        static Reread of(List<StoredVersion> page, long cursor, long rereadTo) {
            if (cursor >= rereadTo || page.getFirst().seq() > rereadTo) return new Reread(page, false, false);
            List<StoredVersion> before = page.stream().filter(v -> v.seq() <= rereadTo).toList();
            return new Reread(before, true, before.size() < page.size());
        }
    }

    /** Catches up now and then whenever the object store changes, polling its change mark, until closed. */
    public CorrelationIndexer start(Duration interval) {
        if (loop != null) throw new IllegalStateException("already started");
        loop = StoreFollower.start("correlation-index", store.objects(), interval, this::catchUp);
        return this;
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
    }

    /** The newest version of each object in the page, but for versions indexed a moment ago (other copies). */
    private List<StoredVersion> unindexed(List<StoredVersion> page) {
        Map<String, StoredVersion> newest = new LinkedHashMap<>();
        for (StoredVersion v : page) {
            Instant indexed = recent.get(v.id());
            if (indexed != null && !v.version().isAfter(indexed)) continue;
            newest.merge(v.id(), v, (a, b) -> b.version().isAfter(a.version()) ? b : a);
        }
        return List.copyOf(newest.values());
    }

    /**
     * Of versions read again after a delete, those the index does not hold at the same or a newer version: the
     * older versions to index in deleted ones' places, not every version read on the way (each indexed already).
     */
    private List<StoredVersion> notHeld(List<StoredVersion> versions) {
        if (versions.isEmpty()) return versions;
        Map<String, IndexedObject> held = store.correlation().objects(versions.stream().map(StoredVersion::id).distinct().toList());
        return versions.stream().filter(v -> {
            IndexedObject h = held.get(v.id());
            return h == null || v.version().isAfter(h.version());
        }).toList();
    }

    /** What the index reads of a stored version: the properties it needs, and when the version was added. */
    private record Read(StixObject object, Instant dateAdded) {}

    private static List<Read> read(List<StoredVersion> versions) {
        List<Read> read = new ArrayList<>(versions.size());
        for (StoredVersion v : versions) {
            StixObject object;
            try {
                object = StixJson.readObject(v.json().getBytes(StandardCharsets.UTF_8), CarriedObservables::reads);
            } catch (StixParseException e) {
                LOG.warn("stored version {} of {} is not readable JSON; not indexed", v.seq(), v.id());
                object = StixObject.of("type", v.type(), "id", v.id());
            }
            read.add(new Read(object, v.dateAdded()));
        }
        return read;
    }

    private CorrelationBatch batchOf(List<Read> versions) {
        if (versions.isEmpty()) return CorrelationBatch.empty();
        List<StixObject> objects = versions.stream().map(Read::object).toList();
        // Own observables first, then the objects that carry others' (observed-data, then sightings, which
        // may carry an observed-data's), so that references within the batch resolve.
        Map<String, List<Observable>> carried = new HashMap<>();
        List<StixObject> observedData = new ArrayList<>();
        List<StixObject> sightings = new ArrayList<>();
        for (StixObject o : objects) {
            List<Observable> own = CarriedObservables.own(o);
            if (!own.isEmpty()) carried.put(o.id(), own);
            switch (o.type()) {
                case "observed-data" -> observedData.add(o);
                case "sighting" -> sightings.add(o);
                default -> { }
            }
        }
        Map<String, List<String>> unresolved = new HashMap<>();
        borrow(observedData, carried, unresolved);
        borrow(sightings, carried, unresolved);

        // Read in a unit of work, on the writer: its page cache holds the shares the receiver wrote a moment ago,
        // where a read connection starts every read after a write with an emptied cache (SQLite, WAL).
        Map<String, MemberId> origins = store.atomically(work -> work.originsOf(objects.stream().map(StixObject::id).toList()));
        List<IndexedObject> indexed = new ArrayList<>(objects.size());
        List<Occurrence> occurrences = new ArrayList<>();
        List<ObjectLink> links = new ArrayList<>();
        List<PendingReference> pending = new ArrayList<>();
        for (Read version : versions) {
            StixObject o = version.object();
            MemberId origin = origins.getOrDefault(o.id(), local);
            indexed.add(new IndexedObject(o.id(), o.type(), o.version().map(StixTimestamp::instant).orElse(null), origin));
            List<Observable> observables = carried.getOrDefault(o.id(), List.of());
            List<String> late = unresolved.getOrDefault(o.id(), List.of());
            if (!observables.isEmpty() || !late.isEmpty()) {
                List<MemberId> members = CarriedObservables.sightedBy(o);
                if (members.isEmpty()) members = List.of(origin);
                Instant seen = CarriedObservables.seen(o).orElse(version.dateAdded());
                for (MemberId member : members) {
                    for (Observable observable : new LinkedHashSet<>(observables)) occurrences.add(new Occurrence(observable, o.id(), member, seen));
                    for (String ref : late) pending.add(new PendingReference(o.id(), ref, member, seen));
                }
            }
            for (String ref : CarriedObservables.references(o)) links.add(new ObjectLink(o.id(), ref));
        }
        return new CorrelationBatch(indexed, occurrences, links, pending);
    }

    /**
     * Adds to each borrowing object the observables of the objects it carries, from the batch or the index;
     * notes in {@code unresolved} the references found in neither (not indexed yet, or without observables:
     * the correlation store keeps only the former, and resolves them when their target comes).
     */
    private void borrow(List<StixObject> borrowing, Map<String, List<Observable>> carried, Map<String, List<String>> unresolved) {
        if (borrowing.isEmpty()) return;
        Set<String> wanted = new LinkedHashSet<>();
        for (StixObject o : borrowing) {
            for (String ref : CarriedObservables.borrowed(o)) if (!carried.containsKey(ref)) wanted.add(ref);
        }
        Map<String, List<Observable>> indexed = wanted.isEmpty() ? Map.of() : store.correlation().observablesOf(wanted);
        for (StixObject o : borrowing) {
            List<Observable> all = new ArrayList<>(carried.getOrDefault(o.id(), List.of()));
            for (String ref : CarriedObservables.borrowed(o)) {
                List<Observable> theirs = carried.getOrDefault(ref, indexed.get(ref));
                if (theirs != null) all.addAll(theirs);
                else unresolved.computeIfAbsent(o.id(), id -> new ArrayList<>()).add(ref);
            }
            if (!all.isEmpty()) carried.put(o.id(), all);
        }
    }

    private void notifyListeners(IndexedAdditions added) {
        for (Consumer<IndexedAdditions> listener : listeners) {
            try {
                listener.accept(added);
            } catch (RuntimeException e) {
                LOG.warn("a correlation listener failed", e);
            }
        }
    }
}
