package org.entente.server.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.entente.store.CollectionInfo;
import org.entente.store.CorrelationBatch;
import org.entente.store.CorrelationStore;
import org.entente.store.IndexedObject;
import org.entente.store.ObjectLink;
import org.entente.store.ObjectQuery;
import org.entente.store.Occurrence;
import org.entente.store.Page;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index stage of correlation: reads what the object store holds, after it was stored, and feeds the
 * {@link CorrelationStore}. It follows each collection by seq from a cursor kept in the correlation store
 * and moved in the same transaction as the rows it covers, so it runs behind ingest without slowing it,
 * resumes after a restart where it stopped, and never indexes a version twice; indexing one again would
 * add nothing anyway.
 *
 * <p>The member of an occurrence is the origin of the object's version (its sharing labels), or this node's
 * own member for an object that was never shared to it; for a sighting, the members its
 * {@code where_sighted_refs} names. A received version commits together with its sharing labels
 * ({@link org.entente.store.Store#atomically}), so a version that has none when it is read is a local one.
 * An object's observables are its own (see {@link CarriedObservables})
 * plus those of the objects it carries by reference, as far as they are indexed or in the same batch: a
 * sighting indexed before the indicator it sights carries none of the indicator's values.
 */
public final class CorrelationIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CorrelationIndexer.class);
    public static final int DEFAULT_BATCH = 2_000;

    private final Store store;
    private final MemberId local;
    private final int batchSize;
    private final List<Consumer<List<Occurrence>>> listeners = new CopyOnWriteArrayList<>();
    private volatile StoreFollower loop;

    public CorrelationIndexer(Store store, MemberId local, int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.local = Objects.requireNonNull(local, "local");
        if (batchSize < 1 || batchSize > ObjectQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("batch size must be 1.." + ObjectQuery.MAX_LIMIT + ", not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Calls the listener with the occurrences each indexed batch added (never an empty list), on the
     * indexing thread, after the batch committed. The warn stage passes them to {@link Correlation#reached}.
     */
    public void onIndexed(Consumer<List<Occurrence>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Indexes everything stored since the last run, in every collection; returns how many occurrences were new. */
    public synchronized long catchUp() {
        long added = 0;
        for (CollectionInfo collection : store.collections().list()) {
            Page page;
            do {
                long cursor = store.correlation().cursor(collection.id());
                page = store.objects().find(collection.id(), ObjectQuery.all().withAfterSeq(cursor).withLimit(batchSize));
                if (page.items().isEmpty()) break;
                List<Parsed> labelled = withShares(parse(page.items()));
                List<Occurrence> batch = store.correlation().index(collection.id(), labelled.getLast().seq(), batchOf(labelled));
                added += batch.size();
                if (!batch.isEmpty()) notifyListeners(batch);
            } while (page.more());
        }
        return added;
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

    private static List<Parsed> parse(List<StoredVersion> versions) {
        List<Parsed> parsed = new ArrayList<>(versions.size());
        for (StoredVersion v : versions) {
            StixObject object;
            try {
                object = StixJson.readObject(v.json().getBytes(StandardCharsets.UTF_8));
            } catch (StixParseException e) {
                LOG.warn("stored version {} of {} is not readable JSON; not indexed", v.seq(), v.id());
                object = StixObject.of("type", v.type(), "id", v.id());
            }
            parsed.add(new Parsed(v.seq(), object, v.dateAdded(), List.of()));
        }
        return parsed;
    }

    /** The versions with their shares, none for a local version. */
    private List<Parsed> withShares(List<Parsed> parsed) {
        Map<VersionRef, List<Share>> shares = store.shares().sharesOf(parsed.stream().map(Parsed::versionRef).toList());
        List<Parsed> labelled = new ArrayList<>(parsed.size());
        for (Parsed p : parsed) {
            labelled.add(new Parsed(p.seq(), p.object(), p.dateAdded(), shares.getOrDefault(p.versionRef(), List.of())));
        }
        return labelled;
    }

    private CorrelationBatch batchOf(List<Parsed> parsed) {
        // Own observables first, then the objects that carry others' (observed-data, then sightings, which
        // may carry an observed-data's), so that references within the batch resolve.
        Map<String, List<Observable>> carried = new HashMap<>();
        for (Parsed p : parsed) carried.computeIfAbsent(p.object().id(), id -> new ArrayList<>()).addAll(CarriedObservables.own(p.object()));
        for (String type : List.of("observed-data", "sighting")) {
            List<Parsed> borrowing = parsed.stream().filter(p -> p.object().type().equals(type)).toList();
            Set<String> wanted = new LinkedHashSet<>();
            borrowing.forEach(p -> wanted.addAll(CarriedObservables.borrowed(p.object())));
            wanted.removeIf(carried::containsKey);
            Map<String, List<Observable>> indexed = wanted.isEmpty() ? Map.of() : store.correlation().observablesOf(wanted);
            for (Parsed p : borrowing) {
                for (String ref : CarriedObservables.borrowed(p.object())) {
                    carried.get(p.object().id()).addAll(carried.getOrDefault(ref, indexed.getOrDefault(ref, List.of())));
                }
            }
        }

        List<IndexedObject> objects = new ArrayList<>(parsed.size());
        List<Occurrence> occurrences = new ArrayList<>();
        List<ObjectLink> links = new ArrayList<>();
        for (Parsed p : parsed) {
            StixObject o = p.object();
            MemberId origin = p.shares().isEmpty() ? local : p.shares().get(0).labels().origin();
            objects.add(new IndexedObject(o.id(), o.type(), p.versionRef().version(), origin));
            List<MemberId> members = CarriedObservables.sightedBy(o);
            if (members.isEmpty()) members = List.of(origin);
            Instant seen = CarriedObservables.seen(o).orElse(p.dateAdded());
            for (Observable observable : new LinkedHashSet<>(carried.get(o.id()))) {
                for (MemberId member : members) occurrences.add(new Occurrence(observable, o.id(), member, seen));
            }
            for (String ref : CarriedObservables.references(o)) links.add(new ObjectLink(o.id(), ref));
        }
        return new CorrelationBatch(objects, occurrences, links);
    }

    private void notifyListeners(List<Occurrence> added) {
        for (Consumer<List<Occurrence>> listener : listeners) {
            try {
                listener.accept(added);
            } catch (RuntimeException e) {
                LOG.warn("a correlation listener failed", e);
            }
        }
    }

    private record Parsed(long seq, StixObject object, Instant dateAdded, List<Share> shares) {
        VersionRef versionRef() {
            return new VersionRef(object.id(), object.version().map(StixTimestamp::instant).orElse(null));
        }
    }
}
