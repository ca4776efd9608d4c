package org.entente.core.pattern.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.Normaliser;
import org.entente.core.observable.ObservableKind;
import org.entente.core.pattern.JsonNumbers;
import org.entente.core.pattern.Observation;
import org.entente.core.pattern.Pattern;
import org.entente.core.pattern.PatternEvaluationException;
import org.entente.core.pattern.PatternMatcher;
import org.entente.core.pattern.PatternSyntaxException;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.stix.StixObject;

/**
 * Matches observations against many indicators at once; see the package documentation for the exact rules.
 *
 * <p>{@link #put} and {@link #remove} change the set of indicators in place, without a rebuild; they must not
 * run at the same time as any other call. The {@code match} methods only read, so several threads may match
 * at once while no one writes (guard with a read-write lock when indicators change during matching).
 */
public final class IndicatorEngine {
    private static final int TEXT = 0;

    private final ObservablePaths paths;
    private final PatternRewrite rewrite;
    private final IndicatorSlots slots = new IndicatorSlots();
    private final KeyTable table = new KeyTable();
    private final Map<ObjectPath, IndexedPath> pathsByPath = new HashMap<>();
    private final List<IndexedPath> pathsById = new ArrayList<>();
    private final Map<String, TypeIndex> types = new HashMap<>();
    private final ValueStream stream = new ValueStream(table, slots);

    private IndicatorEngine(Normaliser normaliser) {
        this.paths = new ObservablePaths(normaliser);
        this.rewrite = new PatternRewrite(paths);
    }

    /** An empty engine normalising observables with {@link Normaliser#standard()}. */
    public static IndicatorEngine create() {
        return new IndicatorEngine(Normaliser.standard());
    }

    /** An empty engine normalising with the given settings (phone region, card key, e-mail rule). */
    public static IndicatorEngine create(Normaliser normaliser) {
        return new IndicatorEngine(Objects.requireNonNull(normaliser, "normaliser"));
    }

    /** The number of indicators held. */
    public int size() {
        return slots.live();
    }

    /**
     * Adds an indicator, replacing any held under the same id; a revoked one is removed instead. Callers give
     * versions in order (the store knows which version is the latest): the last one put is the one held.
     *
     * @throws IllegalArgumentException naming the indicator when its pattern is not valid STIX patterning; the
     *                                  version held before, if any, is then kept
     */
    public void put(Indicator indicator) {
        Objects.requireNonNull(indicator, "indicator");
        try {
            add(indicator);
        } finally {
            refreshTypes();
        }
    }

    private void add(Indicator indicator) {
        if (indicator.revoked()) {
            remove(indicator.id());
            return;
        }
        Pattern parsed;
        try {
            parsed = Pattern.parse(indicator.pattern());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(indicator.id() + ": invalid pattern: " + e.getMessage(), e);
        }
        ObservationExpression rewritten = rewrite.rewrite(parsed.expression());
        IndexPlan plan = IndexPlan.of(rewritten, paths);
        remove(indicator.id());
        int slot = slots.allocate(indicator.id(), Micros.of(indicator.validFrom()),
                indicator.validUntil() == null ? Long.MAX_VALUE : Micros.of(indicator.validUntil()));
        if (plan.decided() && plan.keys().size() == 1) {
            IndexPlan.Term term = plan.keys().getFirst();
            int code = register(term);
            long first = hash(KeyHash.SEED_A, term, code);
            long second = hash(KeyHash.SEED_B, term, code);
            table.add(first, second, slot);
            slots.decide(slot, first, second, code);
            return;
        }
        CompiledIndicator compiled;
        if (plan.keys() != null) {
            int n = plan.keys().size();
            long[] first = new long[n];
            long[] second = new long[n];
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                IndexPlan.Term term = plan.keys().get(i);
                codes[i] = register(term);
                first[i] = hash(KeyHash.SEED_A, term, codes[i]);
                second[i] = hash(KeyHash.SEED_B, term, codes[i]);
                table.add(first[i], second[i], slot);
            }
            compiled = new CompiledIndicator(Pattern.of(rewritten), first, second, codes, plan.decided(), null, Set.of());
        } else if (plan.screens() != null) {
            for (IndexPlan.Screen screen : plan.screens()) {
                typeIndex(screen.path().objectType()).screens
                        .computeIfAbsent(screen.path(), p -> new ScreenedPath(new IndexedPath(-1, p, ObservablePaths.kindAt(p).orElse(null))))
                        .add(screen.text(), slot);
            }
            compiled = new CompiledIndicator(Pattern.of(rewritten), null, null, null, false, plan.screens(), Set.of());
        } else {
            for (String type : plan.types()) typeIndex(type).unindexed.add(slot);
            compiled = new CompiledIndicator(Pattern.of(rewritten), null, null, null, false, null, plan.types());
        }
        slots.compile(slot, compiled);
    }

    /** Removes the indicator with this id; false when none is held. */
    public boolean remove(String id) {
        int slot = slots.find(Objects.requireNonNull(id, "id"));
        if (slot < 0) return false;
        release(slot);
        refreshTypes();
        return true;
    }

    private void release(int slot) {
        if (slots.kind[slot] == IndicatorSlots.DECIDED_BY_KEY) {
            unregister(slots.keyFirst[slot], slots.keySecond[slot], slots.keyPath[slot], slot);
        } else {
            CompiledIndicator compiled = slots.compiled(slot);
            if (compiled.indexed()) {
                for (int i = 0; i < compiled.keyFirst().length; i++) {
                    unregister(compiled.keyFirst()[i], compiled.keySecond()[i], compiled.keyPath()[i], slot);
                }
            } else if (compiled.screens() != null) {
                for (IndexPlan.Screen screen : compiled.screens()) {
                    String type = screen.path().objectType();
                    TypeIndex index = types.get(type);
                    ScreenedPath screened = index.screens.get(screen.path());
                    if (screened != null && screened.remove(slot)) index.screens.remove(screen.path());
                    dropIfEmpty(type, index);
                }
            } else {
                for (String type : compiled.unindexedTypes()) {
                    TypeIndex index = types.get(type);
                    index.unindexed.remove(slot);
                    dropIfEmpty(type, index);
                }
            }
        }
        slots.release(slot);
    }

    /** Keeps each type's {@link TypeIndex#direct} path up to date: a few types, after each change. */
    private void refreshTypes() {
        for (TypeIndex index : types.values()) index.refresh();
    }

    /** The indicators one observation (an observed-data object and its SCOs) matches. */
    public MatchOutcome match(Observation observation) {
        return match(List.of(observation));
    }

    /**
     * The indicators a window of observations matches as a whole: a pattern with several observation expressions
     * (AND, FOLLOWEDBY, REPEATS, WITHIN) may be satisfied by different observations of the window. Each
     * indicator sees only the observations that overlap its validity.
     */
    public MatchOutcome match(List<Observation> window) {
        if (window.isEmpty()) return MatchOutcome.NONE;
        Probe probe = new Probe();
        for (Observation observation : window) {
            probe.during(Micros.of(observation.firstObserved()), Micros.of(observation.lastObserved()));
            for (String rootId : observation.rootIds()) {
                StixObject root = observation.objects().get(rootId);
                if (root == null) continue;
                TypeIndex index = types.get(root.type());
                if (index == null) continue;
                probe.seen(index);
                for (IndexedPath path : index.paths) select(path, root.properties(), 0, probe);
                for (ScreenedPath screened : index.screens.values()) select(screened.path, root.properties(), 0, probe.screening(screened));
            }
        }
        return probe.finish(window);
    }

    /** The indicators one cyber-observable object, observed once at {@code observedAt}, matches. */
    public MatchOutcome match(StixObject sco, Instant observedAt) {
        return match(single(sco, observedAt));
    }

    /**
     * The indicators an SCO {@code {"type": type, "value": value}} observed at {@code observedAt} matches: the
     * form of high-volume observation streams (a DNS query, a URL clicked, a number reported by a bank). Answers
     * from the index alone, without building any STIX object, when no candidate needs the full matcher.
     */
    public MatchOutcome matchValue(String type, String value, Instant observedAt) {
        TypeIndex index = types.get(type);
        if (index == null) return MatchOutcome.NONE;
        IndexedPath direct = index.direct;
        long first = direct == null ? 0 : ValueStream.first(direct, type, value);
        if (first == 0) return matchValueFully(index, type, value, observedAt);
        if (!table.contains(first)) return MatchOutcome.NONE;
        MatchOutcome decided = stream.decide(direct, type, value, first, Micros.of(observedAt));
        return decided != null ? decided : matchValueFully(index, type, value, observedAt);
    }

    /** {@link #matchValue} by the general path: the value normalised, every stream path probed, candidates confirmed. */
    private MatchOutcome matchValueFully(TypeIndex index, String type, String value, Instant observedAt) {
        if (!index.unindexed.isEmpty() || !index.screens.isEmpty()) {
            return match(StixObject.of("type", type, "value", value), observedAt);
        }
        long at = Micros.of(observedAt);
        Probe probe = new Probe();
        probe.during(at, at);
        for (IndexedPath path : index.streamPaths) probe.value(path, path.readsType ? type : value);
        if (probe.candidates != null) return match(StixObject.of("type", type, "value", value), observedAt);
        return probe.finish(null);
    }

    /**
     * The outcomes of many value events, in their order, each exactly what {@link #matchValue} answers for it. Faster
     * per event than one call each: the events are taken in groups, and each step of the look-up is done for the
     * whole group before the next (first hashes; the table buckets they fall in; then, for the few that are found,
     * the entries and the indicators' data), so that the memory waits of a group overlap instead of following one
     * another (group prefetching, Chen et al., "Improving Hash Join Performance through Prefetching", ICDE 2004).
     */
    public List<MatchOutcome> matchValues(List<ValueEvent> events) {
        int n = events.size();
        MatchOutcome[] out = new MatchOutcome[n];
        ValueBatch batch = new ValueBatch(Math.min(n, ValueBatch.GROUP));
        TypeCache cache = new TypeCache();
        for (int from = 0; from < n; from += ValueBatch.GROUP) {
            int count = Math.min(ValueBatch.GROUP, n - from);
            batch.take(events, from, count);
            for (int i = 0; i < count; i++) {
                String type = batch.type[i];
                TypeIndex index = cache.get(type);
                IndexedPath path = index == null ? null : index.direct;
                long first = path == null ? 0 : ValueStream.first(path, type, batch.value[i]);
                batch.set(i, path, first);
                // Decided now: an unknown type, and (until found in the table) a key; the rest goes the full way.
                out[from + i] = index == null || first != 0 ? MatchOutcome.NONE : null;
            }
            int found = stream.find(batch, count);
            for (int k = 0; k < found; k++) {
                int i = batch.found[k];
                ValueEvent event = events.get(from + i);
                MatchOutcome decided = stream.decide(batch.path[i], event.type(), event.value(), batch.first[i],
                        Micros.of(event.observedAt()));
                out[from + i] = decided;
            }
            for (int i = 0; i < count; i++) {
                if (out[from + i] != null) continue;
                ValueEvent event = events.get(from + i);
                out[from + i] = matchValueFully(cache.get(event.type()), event.type(), event.value(), event.observedAt());
            }
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
    }

    /**
     * The type look-ups of one batch: a stream names a few types, mostly as the same String objects, so a small
     * table on the string's (cached) hash code answers by identity without a branch that depends on the order.
     */
    private final class TypeCache {
        private final String[] names = new String[32];
        private final TypeIndex[] indexes = new TypeIndex[32];

        TypeIndex get(String type) {
            int h = type.hashCode();
            int b = (h ^ h >>> 16) & 31;
            if (names[b] == type) return indexes[b];
            TypeIndex index = types.get(type);
            names[b] = type;
            indexes[b] = index;
            return index;
        }
    }

    private static Observation single(StixObject sco, Instant at) {
        String id = sco.id().isEmpty() ? sco.type() + "--observed" : sco.id();
        return new Observation("observed-data--value", at, at, 1, Map.of(id, sco), List.of(id));
    }

    /** Walks property and list steps only (index terms have no references), passing each value reached. */
    private void select(IndexedPath path, Object node, int step, ValueSink probe) {
        if (path.hashAlgorithm != null) {
            hash(path, node, probe);
            return;
        }
        if (step == path.steps.size()) {
            probe.value(path, node);
            return;
        }
        switch (path.steps.get(step)) {
            case PathStep.Property p -> {
                if (node instanceof Map<?, ?> map) {
                    Object value = map.get(p.name());
                    if (value != null) select(path, value, step + 1, probe);
                }
            }
            case PathStep.Index i -> {
                if (node instanceof List<?> list && i.index() < list.size()) select(path, list.get(i.index()), step + 1, probe);
            }
            case PathStep.AnyIndex any -> {
                if (node instanceof List<?> list) for (Object element : list) select(path, element, step + 1, probe);
            }
        }
    }

    /**
     * The digest under {@code hashes} for the path's algorithm, its key spelled in any way {@link
     * HashAlgorithm#fromName} reads; when several spellings are present the last wins, as in
     * {@link ObservationNormaliser}.
     */
    private static void hash(IndexedPath path, Object root, ValueSink probe) {
        if (!(root instanceof Map<?, ?> object) || !(object.get("hashes") instanceof Map<?, ?> hashes)) return;
        String stixName = path.hashAlgorithm.stixName();
        Object digest = null;
        for (Map.Entry<?, ?> e : hashes.entrySet()) {
            Object key = e.getKey();
            if (stixName.equals(key) || key instanceof String name && ObservablePaths.algorithm(name) == path.hashAlgorithm) {
                digest = e.getValue();
            }
        }
        if (digest != null) probe.value(path, digest);
    }

    private int register(IndexPlan.Term term) {
        IndexedPath path = pathsByPath.get(term.path());
        if (path == null) {
            path = new IndexedPath(pathsById.size(), term.path(), ObservablePaths.kindAt(term.path()).orElse(null));
            pathsById.add(path);
            pathsByPath.put(term.path(), path);
            TypeIndex index = typeIndex(term.path().objectType());
            List<IndexedPath> grown = new ArrayList<>(index.paths);
            grown.add(path);
            index.paths(grown);
        }
        path.keys++;
        int code = TEXT;
        if (term.network() != null) {
            Network n = term.network();
            path.count(n.v6(), n.prefix(), +1);
            code = networkCode(n.v6(), n.prefix());
        }
        return path.id << 9 | code;
    }

    private void unregister(long first, long second, int pathAndCode, int slot) {
        table.remove(first, second, slot);
        IndexedPath path = pathsById.get(pathAndCode >>> 9);
        int code = pathAndCode & 511;
        if (code != TEXT) {
            boolean v6 = code > 33;
            path.count(v6, v6 ? code - 34 : code - 1, -1);
        }
        if (--path.keys == 0) {
            pathsByPath.remove(path.path);
            String type = path.path.objectType();
            TypeIndex index = types.get(type);
            index.paths(index.paths.stream().filter(p -> p != path).toList());
            dropIfEmpty(type, index);
        }
    }

    /** 0 for text keys; 1 + prefix for IPv4 blocks, 34 + prefix for IPv6 blocks. */
    private static int networkCode(boolean v6, int prefix) {
        return v6 ? 34 + prefix : 1 + prefix;
    }

    private static long hash(long seed, IndexPlan.Term term, int pathAndCode) {
        int pathId = pathAndCode >>> 9;
        if (term.network() == null) return KeyHash.text(seed, pathId, term.tag(), term.text());
        Network n = term.network();
        if (isIpv4Host(n.v6(), n.prefix())) return KeyHash.text(seed, pathId, KeyHash.STRING, Network.ipv4Text(n.low()));
        return KeyHash.network(seed, pathId, pathAndCode & 511, n.high(), n.low());
    }

    /**
     * Whether a block is a single IPv4 address, keyed by its canonical dotted quad as text ({@link KeyHash#STRING})
     * rather than as a number, so that a value stream finds it from the value's text without reading the quad
     * ({@link CanonicalKey#ipv4}); it is still counted under its prefix length, 32.
     */
    private static boolean isIpv4Host(boolean v6, int prefix) {
        return !v6 && prefix == 32;
    }

    private TypeIndex typeIndex(String type) {
        return types.computeIfAbsent(type, t -> new TypeIndex());
    }

    private void dropIfEmpty(String type, TypeIndex index) {
        if (index.isEmpty()) types.remove(type);
    }

    /** Receives the values a path selects from a root object. */
    private interface ValueSink {
        void value(IndexedPath path, Object value);
    }

    /** One match call: the indicators decided so far, and the candidates the full matcher must confirm. */
    private final class Probe implements ValueSink {
        private long first;
        private long last;
        private int[] matched;
        private int matchedCount;
        Set<Integer> candidates;
        private List<TypeIndex> seen;

        void during(long first, long last) {
            this.first = first;
            this.last = last;
        }

        void seen(TypeIndex index) {
            if (index.unindexed.isEmpty()) return;
            if (seen == null) seen = new ArrayList<>(2);
            if (!seen.contains(index)) seen.add(index);
        }

        /** A sink that makes candidates of the screened patterns whose text the (canonical, ASCII) value holds. */
        ValueSink screening(ScreenedPath screened) {
            return (path, value) -> {
                if (!(value instanceof String s)) return;
                String text = path.kind == null ? s : paths.canonical(path.kind, s);
                for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x80) return;
                for (int i = 0; i < screened.texts.size(); i++) {
                    if (text.contains(screened.texts.get(i))) {
                        if (candidates == null) candidates = new LinkedHashSet<>();
                        candidates.add(screened.slots.get(i));
                    }
                }
            };
        }

        @Override
        public void value(IndexedPath path, Object value) {
            if (value instanceof String s) {
                if (path.network) {
                    Network n = paths.network(path.kind, s);
                    if (n != null) {
                        networks(path, s, n);
                        return;
                    }
                }
                text(path, KeyHash.STRING, path.kind == null || path.network ? s : paths.canonical(path.kind, s));
            } else if (value instanceof Number number) {
                BigDecimal decimal = JsonNumbers.decimal(number);
                if (decimal != null) text(path, KeyHash.NUMBER, IndexPlan.number(decimal));
            }
        }

        private void networks(IndexedPath path, String raw, Network n) {
            for (int length : n.v6() ? path.ipv6InUse : path.ipv4InUse) {
                if (length > n.prefix()) break;
                if (isIpv4Host(n.v6(), length)) {
                    // Digits and dots read as an address are its canonical text (CanonicalKey.ipv4): no text to build.
                    text(path, KeyHash.STRING, CanonicalKey.ipv4(path.id, raw) != 0 ? raw : Network.ipv4Text(n.low()));
                    continue;
                }
                int code = networkCode(n.v6(), length);
                long high = n.maskedHigh(length);
                long low = n.maskedLow(length);
                long first = KeyHash.network(KeyHash.SEED_A, path.id, code, high, low);
                long second = 0;
                for (int b = table.next(first, table.home(first)); b >= 0; b = table.next(first, b + 1)) {
                    if (second == 0) second = KeyHash.network(KeyHash.SEED_B, path.id, code, high, low);
                    if (table.secondAt(b) == second) hit(table.slotAt(b));
                }
            }
        }

        private void text(IndexedPath path, int tag, String text) {
            long first = KeyHash.text(KeyHash.SEED_A, path.id, tag, text);
            long second = 0;
            for (int b = table.next(first, table.home(first)); b >= 0; b = table.next(first, b + 1)) {
                if (second == 0) second = KeyHash.text(KeyHash.SEED_B, path.id, tag, text);
                if (table.secondAt(b) == second) hit(table.slotAt(b));
            }
        }

        private void hit(int slot) {
            if (slots.kind[slot] != IndicatorSlots.CONFIRMED) {
                if (slots.validDuring(slot, first, last)) addMatch(slot);
            } else {
                if (candidates == null) candidates = new LinkedHashSet<>();
                candidates.add(slot);
            }
        }

        private void addMatch(int slot) {
            if (matched == null) matched = new int[4];
            for (int i = 0; i < matchedCount; i++) if (matched[i] == slot) return;
            if (matchedCount == matched.length) matched = java.util.Arrays.copyOf(matched, matchedCount * 2);
            matched[matchedCount++] = slot;
        }

        private boolean isMatched(int slot) {
            for (int i = 0; i < matchedCount; i++) if (matched[i] == slot) return true;
            return false;
        }

        MatchOutcome finish(List<Observation> window) {
            List<MatchOutcome.Failure> failures = List.of();
            if (window != null && (candidates != null || seen != null)) {
                Set<Integer> toCheck = candidates == null ? new LinkedHashSet<>() : candidates;
                if (seen != null) for (TypeIndex index : seen) toCheck.addAll(index.unindexed);
                List<Observation> normalised = new ObservationNormaliser(paths).normalise(window);
                long[] firsts = new long[window.size()];
                long[] lasts = new long[window.size()];
                for (int i = 0; i < window.size(); i++) {
                    firsts[i] = Micros.of(window.get(i).firstObserved());
                    lasts[i] = Micros.of(window.get(i).lastObserved());
                }
                failures = new ArrayList<>();
                for (int slot : toCheck) {
                    if (isMatched(slot)) continue;
                    List<Observation> valid = validPart(slot, normalised, firsts, lasts);
                    if (valid.isEmpty()) continue;
                    try {
                        if (PatternMatcher.matches(slots.compiled(slot).pattern(), valid)) addMatch(slot);
                    } catch (PatternEvaluationException e) {
                        failures.add(new MatchOutcome.Failure(slots.id(slot), e.getMessage()));
                    }
                }
            }
            if (matchedCount == 0 && failures.isEmpty()) return MatchOutcome.NONE;
            List<String> ids = new ArrayList<>(matchedCount);
            for (int i = 0; i < matchedCount; i++) ids.add(slots.id(matched[i]));
            return new MatchOutcome(ids, failures);
        }
    }

    /** The observations that overlap the slot's validity: all of them (the same list) in the common case. */
    private List<Observation> validPart(int slot, List<Observation> window, long[] firsts, long[] lasts) {
        int valid = 0;
        for (int i = 0; i < firsts.length; i++) if (slots.validDuring(slot, firsts[i], lasts[i])) valid++;
        if (valid == firsts.length) return window;
        List<Observation> part = new ArrayList<>(valid);
        for (int i = 0; i < firsts.length; i++) if (slots.validDuring(slot, firsts[i], lasts[i])) part.add(window.get(i));
        return part;
    }
}
