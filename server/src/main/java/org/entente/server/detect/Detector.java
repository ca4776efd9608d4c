package org.entente.server.detect;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.entente.core.pattern.Observation;
import org.entente.core.pattern.Observations;
import org.entente.core.pattern.engine.Indicator;
import org.entente.core.pattern.engine.MatchOutcome;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.server.index.StoreFollower;
import org.entente.store.ObjectQuery;
import org.entente.store.SeqPage;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.entente.store.VersionInCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detect stage of a node: keeps {@link HeldIndicators} filled from the object store and matches what is
 * stored against them, emitting {@link Detection}s to the next stage.
 *
 * <p>It follows the store by seq, after the fact, as the correlation indexer does, so whatever path stored an
 * object (TAXII, REST, import, a peer's envelope, the observation stream) counts. {@code seq} is one sequence over
 * all collections, so two cursors follow them all ({@link org.entente.store.ObjectStore#versionsAfterSeq}), reading
 * only the types the stage needs: indicators are read into the engine from seq 0 at every start (the engine lives
 * in memory) and then incrementally, a version no newer than one held not even parsed, nor any property the engine
 * does not read; observed-data and sightings are matched from a cursor kept in the store
 * ({@link org.entente.store.DetectCursors}), so a restart neither repeats detections nor misses any. Once the
 * indicator cursor has reached the matching cursor, one scan serves both, each page's indicators taken before its
 * observations are matched, so an observation is matched against every indicator stored before it.
 *
 * <p>A sighting of a held indicator is an indicator match (evidence: the indicator and the sighting); an
 * observed-data object is matched by the engine (evidence: each indicator and the observed-data), unless a
 * sighting seen in the same round refers to it, which already says what it matched. A version stored in several
 * collections is matched once. A received or shared version is stored in one transaction with its sharing
 * labels, so a version without labels is this node's own. The detections of a batch go to the next stage
 * together, their evidence read with one query for all of them.
 */
public final class Detector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);
    public static final int DEFAULT_BATCH = 2_000;
    private static final Set<String> INDICATORS = Set.of("indicator");
    /** Indicators go into the engine; only sightings and observed-data are matched. */
    private static final Set<String> FOLLOWED = Set.of("indicator", "sighting", "observed-data");
    /** What {@link Indicator#of} and {@link HeldIndicators#apply} read of an indicator; its other values are skipped. */
    private static final Set<String> INDICATOR_PROPERTIES = Set.of(
            "type", "id", "created", "modified", "pattern", "pattern_type", "valid_from", "valid_until", "revoked");
    /** What matching and evidence read of a sighting; observed-data is read whole (the matcher may need any of it). */
    private static final Set<String> SIGHTING_PROPERTIES = Set.of(
            "type", "id", "created", "modified", "sighting_of_ref", "observed_data_refs", "object_marking_refs");
    /** Keeps every property: the whole object. */
    private static final Predicate<String> ALL = name -> true;

    private final Store store;
    private final HeldIndicators indicators;
    private final EvidenceSource evidence;
    private final Consumer<List<Detection>> sink;
    private final int batchSize;
    private final Clock clock;
    private long indicatorCursor;
    /** Per collection, versions matched before the store had one detect cursor; null until read. */
    private Map<String, Long> matchedAhead;
    /** Observed-data recently referred to by matched sightings (bounded): their match was already reported. */
    private final Set<String> sighted = recent(100_000);
    /** Versions matched recently (bounded): one version stored in several collections is matched once. */
    private final Set<VersionRef> matched = recent(100_000);
    private volatile StoreFollower loop;

    /** @param sink where the detections of each batch go, in order: the warn stage */
    public Detector(Store store, MemberId local, HeldIndicators indicators, Consumer<List<Detection>> sink, int batchSize,
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
        SeqPage page;
        do {
            page = store.objects().versionsAfterSeq(indicatorCursor, INDICATORS, batchSize);
            for (VersionInCollection v : page.versions()) take(v.version());
            indicatorCursor = page.readTo();
        } while (page.more());
    }

    /** Puts one indicator version into the engine, unless one at least as new is held (from another collection). */
    private void take(StoredVersion version) {
        if (indicators.hasAtLeast(version.id(), version.version())) return;
        parse(version, INDICATOR_PROPERTIES::contains).ifPresent(indicators::apply);
    }

    /**
     * Matches what was stored since the last run, reading the new indicator versions on the way; returns the
     * detections emitted. One scan reads both: each page's indicators go into the engine before its sightings
     * and observed-data are matched, so an observation meets every indicator stored before it (and those stored
     * after it in the same page). Only after a start, when the indicators are read from seq 0 and the matching
     * from its stored cursor, are the indicators up to the end read alone first.
     */
    public synchronized int catchUp() {
        if (matchedAhead == null) matchedAhead = new HashMap<>(store.detectCursors().matchedAhead());
        int emitted = 0;
        SeqPage page;
        do {
            long cursor = store.detectCursors().cursor();
            if (indicatorCursor < cursor) loadIndicators();
            // Pages until a batch of versions to match: one evidence read, one hand-over and one cursor write per
            // batch, however many indicators lie between.
            List<VersionInCollection> matchable = new ArrayList<>();
            long readTo = cursor;
            do {
                page = store.objects().versionsAfterSeq(readTo, FOLLOWED, batchSize);
                for (VersionInCollection v : page.versions()) {
                    StoredVersion version = v.version();
                    if (!version.type().equals("indicator")) matchable.add(v);
                    else if (version.seq() > indicatorCursor) take(version);
                }
                readTo = page.readTo();
                indicatorCursor = Math.max(indicatorCursor, readTo);
            } while (page.more() && matchable.size() < batchSize);
            List<Stored> fresh = unseen(matchable);
            emitted += emit(match(fresh));
            fresh.forEach(f -> matched.add(f.ref()));
            if (readTo > cursor) {
                store.detectCursors().advance(readTo);
                long advanced = readTo;
                matchedAhead.values().removeIf(seq -> seq <= advanced);
            }
        } while (page.more());
        return emitted;
    }

    /**
     * The versions not matched before (from another collection, twice in this batch, or by the per-collection
     * cursors of old), parsed.
     */
    private List<Stored> unseen(List<VersionInCollection> versions) {
        List<Stored> fresh = new ArrayList<>(versions.size());
        Set<VersionRef> batch = new HashSet<>();
        for (VersionInCollection v : versions) {
            StoredVersion version = v.version();
            if (version.seq() <= matchedAhead.getOrDefault(v.collectionId(), 0L)) continue;
            VersionRef stored = new VersionRef(version.id(), version.version());
            if (matched.contains(stored) || !batch.add(stored)) continue;
            Predicate<String> keep = version.type().equals("sighting") ? SIGHTING_PROPERTIES::contains : ALL;
            parse(version, keep).ifPresent(object -> fresh.add(new Stored(v.collectionId(), stored, object, version)));
        }
        return fresh;
    }

    /** The indicator matches in a batch: sightings of held indicators first, then observed-data the engine matches. */
    private List<Match> match(List<Stored> batch) {
        List<Match> found = new ArrayList<>();
        for (Stored s : batch) {
            if (!s.object().type().equals("sighting")) continue;
            Optional<String> of = s.object().string("sighting_of_ref");
            if (of.isEmpty()) continue;
            Optional<Instant> held = indicators.version(of.get());
            if (held.isEmpty()) continue;
            for (Object ref : s.object().list("observed_data_refs")) if (ref instanceof String id) sighted.add(id);
            found.add(new Match(of.get(), held.get(), s));
        }
        List<Stored> observed = batch.stream()
                .filter(s -> s.object().type().equals("observed-data") && !sighted.contains(s.object().id())).toList();
        if (observed.isEmpty()) return found;
        Map<String, StixObject> context = context(batch, observed);
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
                if (held.isPresent()) found.add(new Match(indicatorId, held.get(), s));
            }
        }
        return found;
    }

    /** The objects the observed-data may refer to: the batch, and what each one's collection holds of the rest. */
    private Map<String, StixObject> context(List<Stored> batch, List<Stored> observed) {
        Map<String, StixObject> context = new HashMap<>();
        // A sighting was read in part; whole here, in case an observed object refers to it.
        for (Stored s : batch) s.whole().ifPresent(o -> context.put(o.id(), o));
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (Stored s : observed) {
            for (Object ref : s.object().list("object_refs")) {
                if (ref instanceof String id && !context.containsKey(id)) missing.computeIfAbsent(s.collection(), c -> new LinkedHashSet<>()).add(id);
            }
        }
        missing.forEach((collection, ids) -> {
            for (StoredVersion v : store.objects().find(collection, ObjectQuery.latest().withIds(ids)
                    .withLimit(ObjectQuery.MAX_LIMIT)).items()) {
                parse(v, ALL).ifPresent(o -> context.putIfAbsent(o.id(), o));
            }
        });
        return context;
    }

    /** Hands the batch's matches to the next stage as detections, their evidence read at once; returns how many. */
    private int emit(List<Match> matches) {
        if (matches.isEmpty()) return 0;
        // Each side's version once: reading the matched object's id, version and markings again costs.
        EvidenceSource.Version[] sides = new EvidenceSource.Version[matches.size() * 2];
        Set<EvidenceSource.Version> versions = new LinkedHashSet<>();
        for (int i = 0; i < matches.size(); i++) {
            versions.add(sides[2 * i] = matches.get(i).indicator());
            versions.add(sides[2 * i + 1] = matches.get(i).by());
        }
        Map<EvidenceSource.Version, Evidence> found = evidence.byVersion(versions);
        List<Detection> detections = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            Evidence indicator = found.get(sides[2 * i]);
            Evidence by = found.get(sides[2 * i + 1]);
            if (indicator == null || by == null) {
                LOG.info("match of {} by {} not reported: a member it comes from is not known here", m.indicatorId(), m.stored().object().id());
                continue;
            }
            detections.add(new Detection(DetectionKind.INDICATOR_MATCH, m.indicatorId(), List.of(indicator, by), clock.instant(), false));
        }
        if (detections.isEmpty()) return 0;
        try {
            sink.accept(detections);
            return detections.size();
        } catch (RuntimeException e) {
            // Not retried: a retry would repeat the detections that went through.
            LOG.warn("{} detection(s) could not be passed on", detections.size(), e);
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

    /** A version's object with the top-level properties {@code keep} accepts (all: {@link #ALL}). */
    private static Optional<StixObject> parse(StoredVersion v, Predicate<String> keep) {
        try {
            byte[] json = v.json().getBytes(StandardCharsets.UTF_8);
            return Optional.of(keep == ALL ? StixJson.readObject(json) : StixJson.readObject(json, keep));
        } catch (StixParseException e) {
            LOG.warn("stored version {} of {} is not readable JSON; not matched", v.seq(), v.id());
            return Optional.empty();
        }
    }

    /**
     * A matched version: {@code ref} as stored (its own version, or date_added), for telling repeats apart;
     * {@code object} as read (a sighting in part), {@code version} the stored text.
     */
    private record Stored(String collection, VersionRef ref, StixObject object, StoredVersion version) {
        /** The object with all its properties. */
        Optional<StixObject> whole() {
            return object.type().equals("observed-data") ? Optional.of(object) : parse(version, ALL);
        }
    }

    /** An indicator that a stored sighting or observed-data matched. */
    private record Match(String indicatorId, Instant indicatorVersion, Stored stored) {
        EvidenceSource.Version indicator() {
            return EvidenceSource.Version.of(new VersionRef(indicatorId, indicatorVersion));
        }

        EvidenceSource.Version by() {
            StixObject object = stored.object();
            return EvidenceSource.Version.of(object.id(), object.version().map(StixTimestamp::instant).orElse(null),
                    object.list("object_marking_refs"));
        }
    }
}
