package org.entente.server.detect;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.entente.core.pattern.Observation;
import org.entente.core.pattern.Observations;
import org.entente.core.pattern.engine.MatchOutcome;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.server.index.StoreFollower;
import org.entente.store.CollectionInfo;
import org.entente.store.ObjectQuery;
import org.entente.store.Page;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detect stage of a node: keeps {@link HeldIndicators} filled from the object store and matches what is
 * stored against them, emitting {@link Detection}s to the next stage.
 *
 * <p>It follows every collection by seq, after the fact, as the correlation indexer does, so whatever path
 * stored an object (TAXII, REST, import, a peer's envelope, the observation stream) counts. Two cursors per
 * collection: indicators are read into the engine from seq 0 at every start (the engine lives in memory) and
 * then incrementally; observed-data and sightings are matched from a cursor kept in the store
 * ({@link org.entente.store.DetectCursors}), so a restart neither repeats detections nor misses any. Each
 * round reads indicators up to the end first, so an observation is matched against every indicator stored
 * before it.
 *
 * <p>A sighting of a held indicator is an indicator match (evidence: the indicator and the sighting); an
 * observed-data object is matched by the engine (evidence: each indicator and the observed-data), unless a
 * sighting seen in the same round refers to it, which already says what it matched. A received or shared version
 * is stored in one transaction with its sharing labels, so a version without labels is this node's own.
 */
public final class Detector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);
    public static final int DEFAULT_BATCH = 2_000;
    private static final Set<String> INDICATORS = Set.of("indicator");

    private final Store store;
    private final HeldIndicators indicators;
    private final EvidenceSource evidence;
    private final Consumer<Detection> sink;
    private final int batchSize;
    private final Clock clock;
    private final Map<String, Long> indicatorCursors = new HashMap<>();
    /** Observed-data recently referred to by matched sightings (bounded): their match was already reported. */
    private final Set<String> sighted = recent(100_000);
    /** Versions matched recently (bounded): one version stored in several collections is matched once. */
    private final Set<VersionRef> matched = recent(100_000);
    private volatile StoreFollower loop;

    /** @param sink where detections go: the warn stage */
    public Detector(Store store, MemberId local, HeldIndicators indicators, Consumer<Detection> sink, int batchSize,
                    Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.indicators = Objects.requireNonNull(indicators, "indicators");
        this.evidence = new EvidenceSource(store, Objects.requireNonNull(local, "local"));
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1 || batchSize > ObjectQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("batch size must be 1.." + ObjectQuery.MAX_LIMIT + ", not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public HeldIndicators indicators() {
        return indicators;
    }

    /** Reads the indicator versions stored since the last read into the engine (all of them, the first time). */
    public synchronized void loadIndicators() {
        for (CollectionInfo collection : store.collections().list()) loadIndicators(collection.id());
    }

    /** Reads new indicator versions, then matches what was stored since the last run; returns the detections emitted. */
    public synchronized int catchUp() {
        List<CollectionInfo> collections = store.collections().list();
        for (CollectionInfo collection : collections) loadIndicators(collection.id());
        int emitted = 0;
        for (CollectionInfo collection : collections) emitted += matchStored(collection.id());
        return emitted;
    }

    private void loadIndicators(String collection) {
        Page page;
        do {
            long cursor = indicatorCursors.getOrDefault(collection, 0L);
            page = store.objects().find(collection, ObjectQuery.all().withTypes(INDICATORS).withAfterSeq(cursor).withLimit(batchSize));
            for (StoredVersion v : page.items()) parse(v).ifPresent(indicators::apply);
            if (page.items().isEmpty()) break;
            indicatorCursors.put(collection, page.items().getLast().seq());
        } while (page.more());
    }

    private int matchStored(String collection) {
        int emitted = 0;
        Page page;
        do {
            long cursor = store.detectCursors().cursor(collection);
            page = store.objects().find(collection, ObjectQuery.all().withAfterSeq(cursor).withLimit(batchSize));
            List<Stored> parsed = parsed(page.items());
            if (parsed.isEmpty()) break;
            List<Stored> fresh = unseen(parsed);
            emitted += match(collection, fresh);
            fresh.forEach(f -> matched.add(f.ref()));
            store.detectCursors().advance(collection, parsed.getLast().seq());
        } while (page.more());
        return emitted;
    }

    private static List<Stored> parsed(List<StoredVersion> versions) {
        List<Stored> parsed = new ArrayList<>(versions.size());
        for (StoredVersion v : versions) {
            StixObject object = parse(v).orElse(StixObject.of("type", v.type(), "id", v.id()));
            parsed.add(new Stored(v.seq(), object));
        }
        return parsed;
    }

    /** The versions not matched before (from another collection, or twice in this batch). */
    private List<Stored> unseen(List<Stored> versions) {
        List<Stored> fresh = new ArrayList<>(versions.size());
        Set<VersionRef> batch = new java.util.HashSet<>();
        for (Stored s : versions) if (!s.matchable() || (!matched.contains(s.ref()) && batch.add(s.ref()))) fresh.add(s);
        return fresh;
    }

    private int match(String collection, List<Stored> batch) {
        int emitted = 0;
        for (Stored s : batch) {
            if (!s.object().type().equals("sighting")) continue;
            Optional<String> of = s.object().string("sighting_of_ref");
            if (of.isEmpty()) continue;
            Optional<Instant> held = indicators.version(of.get());
            if (held.isEmpty()) continue;
            for (Object ref : s.object().list("observed_data_refs")) if (ref instanceof String id) sighted.add(id);
            emitted += emit(of.get(), held.get(), s);
        }
        List<Stored> observed = batch.stream()
                .filter(s -> s.object().type().equals("observed-data") && !sighted.contains(s.object().id())).toList();
        if (observed.isEmpty()) return emitted;
        Map<String, StixObject> context = context(collection, batch, observed);
        for (Stored s : observed) {
            MatchOutcome outcome;
            try {
                Observation observation = Observations.fromObservedData(s.object(), context);
                outcome = indicators.match(List.of(observation));
            } catch (IllegalArgumentException e) {
                LOG.info("observed-data {} not matched: {}", s.object().id(), e.getMessage());
                continue;
            }
            for (MatchOutcome.Failure f : outcome.failures()) {
                LOG.info("indicator {} could not be evaluated on {}: {}", f.indicatorId(), s.object().id(), f.reason());
            }
            for (String indicatorId : outcome.indicatorIds()) {
                Optional<Instant> held = indicators.version(indicatorId);
                if (held.isPresent()) emitted += emit(indicatorId, held.get(), s);
            }
        }
        return emitted;
    }

    /** The objects the observed-data may refer to: the batch, and what the collection holds of the rest. */
    private Map<String, StixObject> context(String collection, List<Stored> batch, List<Stored> observed) {
        Map<String, StixObject> context = new HashMap<>();
        for (Stored s : batch) context.put(s.object().id(), s.object());
        Set<String> missing = new LinkedHashSet<>();
        for (Stored s : observed) {
            for (Object ref : s.object().list("object_refs")) if (ref instanceof String id && !context.containsKey(id)) missing.add(id);
        }
        if (!missing.isEmpty()) {
            for (StoredVersion v : store.objects().find(collection, ObjectQuery.latest().withIds(missing)
                    .withLimit(ObjectQuery.MAX_LIMIT)).items()) {
                parse(v).ifPresent(o -> context.put(o.id(), o));
            }
        }
        return context;
    }

    private int emit(String indicatorId, Instant indicatorVersion, Stored by) {
        List<Evidence> found = evidence.of(List.of(
                new EvidenceSource.Version(new VersionRef(indicatorId, indicatorVersion), Optional.empty()),
                EvidenceSource.Version.of(by.object().id(), by.ref().version(), by.object().list("object_marking_refs"))));
        if (found.size() < 2) {
            LOG.info("match of {} by {} not reported: a member it comes from is not known here", indicatorId, by.object().id());
            return 0;
        }
        try {
            sink.accept(new Detection(DetectionKind.INDICATOR_MATCH, indicatorId, found, clock.instant(), false));
            return 1;
        } catch (RuntimeException e) {
            // Not retried: a retry would repeat the detections of the batch that went through.
            LOG.warn("the match of {} by {} could not be passed on", indicatorId, by.object().id(), e);
            return 0;
        }
    }

    /**
     * Catches up now and then whenever the object store changes, polling its change mark, until closed.
     */
    public Detector start(Duration interval) {
        if (loop != null) throw new IllegalStateException("already started");
        loop = StoreFollower.start("detect", store.objects(), interval, this::catchUp);
        return this;
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
    }

    /** A set that keeps the {@code max} elements added last. */
    private static <T> Set<T> recent(int max) {
        return Collections.newSetFromMap(new LinkedHashMap<T, Boolean>(1_024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
                return size() > max;
            }
        });
    }

    private static Optional<StixObject> parse(StoredVersion v) {
        try {
            return Optional.of(StixJson.readObject(v.json().getBytes(StandardCharsets.UTF_8)));
        } catch (StixParseException e) {
            LOG.warn("stored version {} of {} is not readable JSON; not matched", v.seq(), v.id());
            return Optional.empty();
        }
    }

    private record Stored(long seq, StixObject object) {
        VersionRef ref() {
            return new VersionRef(object.id(), object.version().map(StixTimestamp::instant).orElse(null));
        }

        /** Only sightings and observed-data are matched. */
        boolean matchable() {
            return object.type().equals("sighting") || object.type().equals("observed-data");
        }
    }
}
