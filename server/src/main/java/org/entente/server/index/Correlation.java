package org.entente.server.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.entente.core.observable.Observable;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.store.IndexedAdditions;
import org.entente.store.IndexedObject;
import org.entente.store.ObjectLink;
import org.entente.store.Occurrence;
import org.entente.store.Store;

/**
 * Queries over the correlation index: who else has an observable, what is linked to an object, and which
 * observables members of at least k countries saw within a window. Every answer is for one asking member
 * and passes the sharing policy for it: an object the member may not see is left out, and with it the
 * member that holds it, its country, and every count it would have raised.
 */
public final class Correlation {
    public static final int MAX_DEPTH = 3;
    /** Objects in one neighbourhood at most, root included. */
    public static final int MAX_NEIGHBOURS = 200;
    /** Candidate observables one cluster query considers at most. */
    public static final int MAX_CLUSTERS = 1_000;
    /** The order in which the index lists an observable's occurrences: by time seen, then object id. */
    private static final Comparator<Occurrence> IN_INDEX_ORDER = Comparator.comparing(Occurrence::seen).thenComparing(Occurrence::objectId);

    private final Store store;
    private final Visibility visibility;
    private final Clock clock;

    public Correlation(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.visibility = new Visibility(store);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The objects carrying the observable, and the members that hold them, that {@code asking} may know of. */
    public Holders holders(MemberId asking, Observable observable) {
        List<Occurrence> occurrences = store.correlation().occurrencesOf(List.of(observable));
        return new Holders(observable, visibleHoldings(asking, occurrences).getOrDefault(observable, List.of()));
    }

    /**
     * The neighbourhood of an object up to {@code depth} steps ({@code 1..MAX_DEPTH}); empty when the object
     * is not indexed or {@code asking} may not see it (the two are not told apart).
     */
    public Optional<Neighbourhood> neighbourhood(MemberId asking, String objectId, int depth) {
        if (depth < 1 || depth > MAX_DEPTH) throw new IllegalArgumentException("depth must be 1.." + MAX_DEPTH + ", not " + depth);
        IndexedObject root = store.correlation().objects(List.of(objectId)).get(objectId);
        if (root == null || !visibility.visibleTo(asking, List.of(root)).contains(objectId)) return Optional.empty();

        Map<String, Neighbourhood.Node> nodes = new LinkedHashMap<>();
        nodes.put(objectId, new Neighbourhood.Node(objectId, root.type(), 0));
        Set<Neighbourhood.Edge> edges = new LinkedHashSet<>();
        List<String> frontier = List.of(objectId);
        boolean truncated = false;
        for (int d = 1; d <= depth && !frontier.isEmpty() && !truncated; d++) {
            List<Neighbourhood.Edge> candidates = edgesFrom(frontier);
            Set<String> others = new LinkedHashSet<>();
            for (Neighbourhood.Edge e : candidates) {
                if (!nodes.containsKey(e.from())) others.add(e.from());
                if (!nodes.containsKey(e.to())) others.add(e.to());
            }
            Map<String, IndexedObject> objects = store.correlation().objects(others);
            Set<String> visible = visibility.visibleTo(asking, objects.values());
            List<String> next = new ArrayList<>();
            for (String id : others) {
                if (!visible.contains(id)) continue;
                if (nodes.size() >= MAX_NEIGHBOURS) {
                    truncated = true;
                    break;
                }
                nodes.put(id, new Neighbourhood.Node(id, objects.get(id).type(), d));
                next.add(id);
            }
            for (Neighbourhood.Edge e : candidates) {
                if (nodes.containsKey(e.from()) && nodes.containsKey(e.to())) edges.add(e);
            }
            frontier = next;
        }
        return Optional.of(new Neighbourhood(objectId, List.copyOf(nodes.values()), List.copyOf(edges), truncated));
    }

    /**
     * Observables that members of at least {@code k} countries saw within the window up to now, counting
     * only what {@code asking} may see.
     */
    public List<Cluster> clusters(MemberId asking, int k, Duration window) {
        Instant since = since(k, window);
        List<Observable> candidates = store.correlation().seenInCountries(k, since, MAX_CLUSTERS);
        List<Occurrence> inWindow = store.correlation().occurrencesOf(candidates).stream()
                .filter(o -> !o.seen().isBefore(since)).toList();
        List<Cluster> clusters = new ArrayList<>();
        visibleHoldings(asking, inWindow).forEach((observable, holdings) -> {
            Set<String> countries = new TreeSet<>();
            holdings.forEach(h -> h.country().ifPresent(countries::add));
            if (countries.size() >= k) clusters.add(new Cluster(observable, new TreeSet<>(countries), holdings));
        });
        return clusters;
    }

    /**
     * The observables whose count of distinct countries within the window reached {@code k} through the
     * occurrences a batch just added (what {@link CorrelationIndexer#onIndexed} reports): at least k now, fewer
     * without the batch. Not filtered by the policy; see {@link ClusterReached}. An observable the batch indexed
     * first has no occurrences but the batch's, so only the others' are read from the index.
     */
    public List<ClusterReached> reached(IndexedAdditions added, int k, Duration window) {
        Instant since = since(k, window);
        Set<Observable> touched = new LinkedHashSet<>();
        Set<RowKey> newRows = new HashSet<>();
        Map<Observable, List<Occurrence>> firstIndexed = new LinkedHashMap<>();
        for (Occurrence o : added.occurrences()) {
            newRows.add(RowKey.of(o));
            if (o.seen().isBefore(since)) continue;
            if (added.firstIndexed().contains(o.observable())) firstIndexed.computeIfAbsent(o.observable(), x -> new ArrayList<>()).add(o);
            else touched.add(o.observable());
        }
        if (touched.isEmpty() && firstIndexed.isEmpty()) return List.of();
        Map<MemberId, String> countries = countries();
        Map<Observable, List<Occurrence>> byObservable = new LinkedHashMap<>();
        for (Occurrence o : touched.isEmpty() ? List.<Occurrence>of() : store.correlation().occurrencesOf(touched)) {
            if (!o.seen().isBefore(since)) byObservable.computeIfAbsent(o.observable(), x -> new ArrayList<>()).add(o);
        }
        firstIndexed.values().forEach(list -> list.sort(IN_INDEX_ORDER));
        byObservable.putAll(firstIndexed);
        List<ClusterReached> reached = new ArrayList<>();
        byObservable.forEach((observable, occurrences) -> {
            Set<String> now = new TreeSet<>();
            Set<String> before = new HashSet<>();
            for (Occurrence o : occurrences) {
                String country = countries.get(o.member());
                if (country == null) continue;
                now.add(country);
                // A row whose time seen moved forward was there before the batch, and counts as before.
                if (!newRows.contains(RowKey.of(o))) before.add(country);
            }
            if (now.size() >= k && before.size() < k) reached.add(new ClusterReached(observable, new TreeSet<>(now), occurrences));
        });
        return reached;
    }

    /** An occurrence row's identity, without its time seen. */
    private record RowKey(Observable observable, String objectId, MemberId member) {
        static RowKey of(Occurrence o) {
            return new RowKey(o.observable(), o.objectId(), o.member());
        }
    }

    private Instant since(int k, Duration window) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, not " + k);
        if (window == null || window.isNegative() || window.isZero()) throw new IllegalArgumentException("the window must be a positive duration, not " + window);
        return clock.instant().minus(window);
    }

    /** Who may be named, per observable in first-seen order: occurrences on objects the member may see. */
    private Map<Observable, List<Holding>> visibleHoldings(MemberId asking, List<Occurrence> occurrences) {
        if (occurrences.isEmpty()) return Map.of();
        Map<String, IndexedObject> objects = store.correlation().objects(occurrences.stream().map(Occurrence::objectId).distinct().toList());
        Set<String> visible = visibility.visibleTo(asking, objects.values());
        Map<MemberId, String> countries = countries();
        Map<Observable, List<Holding>> holdings = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            if (!visible.contains(o.objectId())) continue;
            holdings.computeIfAbsent(o.observable(), x -> new ArrayList<>()).add(new Holding(o.objectId(),
                    objects.get(o.objectId()).type(), o.member(), Optional.ofNullable(countries.get(o.member())), o.seen()));
        }
        return holdings;
    }

    private Map<MemberId, String> countries() {
        Map<MemberId, String> countries = new HashMap<>();
        for (Member m : store.members().list()) countries.put(m.id(), m.country());
        return countries;
    }

    /** Shared observables and references from the frontier; an observable edge runs from the lower id. */
    private List<Neighbourhood.Edge> edgesFrom(List<String> frontier) {
        Set<Neighbourhood.Edge> edges = new LinkedHashSet<>();
        Map<String, List<Observable>> observables = store.correlation().observablesOf(frontier);
        Map<Observable, List<String>> frontierHolding = new HashMap<>();
        observables.forEach((id, list) -> list.forEach(o -> frontierHolding.computeIfAbsent(o, x -> new ArrayList<>()).add(id)));
        for (Occurrence o : store.correlation().occurrencesOf(frontierHolding.keySet())) {
            for (String from : frontierHolding.get(o.observable())) {
                if (from.equals(o.objectId())) continue;
                boolean ordered = from.compareTo(o.objectId()) < 0;
                edges.add(new Neighbourhood.Edge(ordered ? from : o.objectId(), ordered ? o.objectId() : from, Optional.of(o.observable())));
            }
        }
        for (ObjectLink link : store.correlation().linksOf(frontier)) {
            edges.add(new Neighbourhood.Edge(link.fromId(), link.toId(), Optional.empty()));
        }
        return List.copyOf(edges);
    }
}
