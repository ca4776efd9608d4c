package org.entente.server.detect;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.core.pattern.engine.MatchOutcome;
import org.entente.core.pattern.engine.ValueEvent;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.server.ingest.BoundedLines;
import org.entente.server.ingest.ObservationLine;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;

/**
 * High-volume observations (DNS queries, URLs clicked, numbers reported by banks) as JSON lines: each is
 * matched against the held indicators and forgotten, unless it hits. Hits are stored as STIX sightings
 * (STIX 2.1 section 5.7): per indicator and observable one {@code sighting} with {@code sighting_of_ref} the
 * indicator, {@code where_sighted_refs} this node's member, {@code first_seen}/{@code last_seen}/{@code count}
 * over the stream, and {@code observed_data_refs} naming an {@code observed-data} (section 4.14) of the
 * observable's SCO. Misses are never stored. The detect stage then finds the stored sighting like any other.
 */
public final class ObservationIntake {
    /** The longest line read; longer ones are refused. */
    public static final int MAX_LINE = 16 * 1024;
    /** Refusals reported line by line; the rest are counted only. */
    public static final int MAX_ERRORS = 100;
    /** Distinct (indicator, observable) hits held before their sightings are stored. */
    static final int FLUSH_HITS = 10_000;
    /** Parsed lines matched together (the engine's batched path overlaps the table reads of a group). */
    static final int MATCH_BATCH = 1024;
    /** STIX 2.1 section 5.7: count is at most 999,999,999. */
    private static final long MAX_COUNT = 999_999_999L;

    private final HeldIndicators indicators;
    private final SightingSink sink;
    private final EvidenceSource evidence;
    private final MemberId local;
    private final Clock clock;

    public ObservationIntake(Store store, MemberId local, HeldIndicators indicators, SightingSink sink, Clock clock) {
        this.indicators = indicators;
        this.sink = sink;
        this.evidence = new EvidenceSource(store, local);
        this.local = local;
        this.clock = clock;
    }

    /** Reads, matches and stores the sightings of a stream of at most {@code maxBytes} bytes. */
    public ObservationSummary take(InputStream in, long maxBytes) throws IOException {
        BoundedLines lines = new BoundedLines(in, MAX_LINE, maxBytes);
        Tally tally = new Tally();
        List<ObservationLine> batch = new ArrayList<>(MATCH_BATCH);
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            tally.read = line.number();
            if (line.tooLong()) {
                tally.reject(line.number(), "longer than " + MAX_LINE + " bytes");
            } else if (!isBlank(line.bytes())) {
                try {
                    batch.add(ObservationLine.parse(line.bytes(), clock.instant()));
                } catch (IllegalArgumentException e) {
                    tally.reject(line.number(), e.getMessage());
                }
                if (batch.size() == MATCH_BATCH) match(batch, tally);
            }
        }
        match(batch, tally);
        flush(tally.hits, tally.sightings);
        return new ObservationSummary(tally.read, tally.matched, tally.rejected, tally.errors, tally.sightings, lines.overLimit());
    }

    /**
     * Matches a batch of parsed lines and empties it: the lines in the value form together through the
     * engine's batched {@link HeldIndicators#matchValues} (the same answers as one {@code matchValue} each,
     * with the table reads of a group overlapping), the others one by one as SCOs.
     */
    private void match(List<ObservationLine> batch, Tally tally) {
        List<ValueEvent> values = new ArrayList<>(batch.size());
        for (ObservationLine o : batch) o.valueForm().ifPresent(v -> values.add(new ValueEvent(o.type(), v, o.seen())));
        List<MatchOutcome> valueOutcomes = values.isEmpty() ? List.of() : indicators.matchValues(values);
        int next = 0;
        for (ObservationLine observation : batch) {
            MatchOutcome outcome = observation.valueForm().isPresent()
                    ? valueOutcomes.get(next++)
                    : indicators.match(observation.sco(), observation.seen());
            if (!outcome.indicatorIds().isEmpty()) tally.matched++;
            for (String indicatorId : outcome.indicatorIds()) {
                tally.hits.computeIfAbsent(indicatorId + " " + observation.key(), k -> new Hit(indicatorId, observation.sco()))
                        .seen(observation.seen());
            }
            if (tally.hits.size() >= FLUSH_HITS) flush(tally.hits, tally.sightings);
        }
        batch.clear();
    }

    /** What a stream has given so far. */
    private static final class Tally {
        final Map<String, Hit> hits = new LinkedHashMap<>();
        final List<ObservationSummary.LineError> errors = new ArrayList<>();
        final List<String> sightings = new ArrayList<>();
        long read;
        long matched;
        long rejected;

        void reject(long line, String problem) {
            rejected++;
            if (errors.size() < MAX_ERRORS) errors.add(new ObservationSummary.LineError(line, problem));
        }
    }

    /**
     * Stores the sightings of the hits, one call to the sink per sharing labels of the indicators sighted: a
     * sighting goes back to its indicator's origin, so sightings of different origins' indicators never
     * travel together.
     */
    private void flush(Map<String, Hit> hits, List<String> sightings) {
        Instant now = clock.instant();
        List<Hit> live = hits.values().stream().filter(h -> indicators.version(h.indicatorId).isPresent()).toList(); // not revoked meanwhile
        List<EvidenceSource.Version> versions = live.stream().map(h -> EvidenceSource.Version.of(
                new VersionRef(h.indicatorId, indicators.version(h.indicatorId).orElseThrow()))).toList();
        Map<String, SharingLabels> labels = new HashMap<>();
        for (Evidence e : evidence.of(versions)) labels.put(e.objectId(), e.labels());
        Map<Optional<SharingLabels>, List<StixObject>> groups = new LinkedHashMap<>();
        for (Hit hit : live) {
            groups.computeIfAbsent(Optional.ofNullable(labels.get(hit.indicatorId)), k -> new ArrayList<>()).addAll(hit.objects(local, now));
        }
        groups.forEach((indicatorLabels, objects) -> sightings.addAll(sink.store(objects, indicatorLabels)));
        hits.clear();
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) if (b != ' ' && b != '\t' && b != '\r') return false;
        return true;
    }

    /** One indicator hit by one observable, over the stream. */
    private static final class Hit {
        final String indicatorId;
        final StixObject sco;
        Instant first;
        Instant last;
        long count;

        Hit(String indicatorId, StixObject sco) {
            this.indicatorId = indicatorId;
            this.sco = sco;
        }

        void seen(Instant at) {
            if (first == null || at.isBefore(first)) first = at;
            if (last == null || at.isAfter(last)) last = at;
            count++;
        }

        /** The SCO, an observed-data of it and the sighting, in that order (references before referrers). */
        List<StixObject> objects(MemberId where, Instant now) {
            String created = StixTimestamp.ofMillis(now).toString();
            long n = Math.min(count, MAX_COUNT);
            String observedId = "observed-data--" + UUID.randomUUID();
            StixObject observed = StixObject.of(
                    "type", "observed-data", "spec_version", "2.1", "id", observedId,
                    "created", created, "modified", created, "created_by_ref", where.value(),
                    "first_observed", timestamp(first), "last_observed", timestamp(last), "number_observed", n,
                    "object_refs", List.of(sco.id()));
            StixObject sighting = StixObject.of(
                    "type", "sighting", "spec_version", "2.1", "id", "sighting--" + UUID.randomUUID(),
                    "created", created, "modified", created, "created_by_ref", where.value(),
                    "first_seen", timestamp(first), "last_seen", timestamp(last), "count", n,
                    "sighting_of_ref", indicatorId, "observed_data_refs", List.of(observedId),
                    "where_sighted_refs", List.of(where.value()));
            return List.of(sco, observed, sighting);
        }

        private static String timestamp(Instant at) {
            return StixTimestamp.ofMillis(at).toString();
        }
    }
}
