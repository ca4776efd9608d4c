package org.entente.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.entente.core.pattern.Observation;
import org.entente.core.pattern.engine.IndicatorEngine;
import org.entente.core.pattern.engine.ValueEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Observations per second through {@link IndicatorEngine} on one thread (scores are observations/s):
 * <ul>
 * <li>{@code equalityMatchValue}: value events ({@code matchValue}) against 1M equality indicators (domains,
 *     IPv4 addresses, URLs), 10 % of the events naming an indicator's value; {@code equalityMatchValues}: the same
 *     events given to {@code matchValues} in one batch of 4,096;</li>
 * <li>{@code baselineHashMapGet} and {@code baselineHashProbe}: the same events against bare lookups of the
 *     same values: a {@code HashMap<String, Integer>} (whose strings cache their hash code) and an
 *     open-addressing table of 64-bit string hashes computed per event, as any index must, laid out as the
 *     engine's table is (one array of hashes read per miss);</li>
 * <li>{@code complexMatch}: observed-data (a domain resolving to an address, a URL, a file) against 10k
 *     complex patterns ({@link SyntheticIndicators#complex}), 10 % of the observations carrying a pattern's
 *     values.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class IndicatorEngineBenchmark {
    static final int EVENTS = 4096;

    @State(Scope.Benchmark)
    public static class Equality {
        @Param("1000000")
        public int indicators;

        IndicatorEngine engine;
        String[] types = new String[EVENTS];
        String[] values = new String[EVENTS];
        List<ValueEvent> events;
        Map<String, Integer> hashMap;
        long[] probeKeys;
        int[] probeValues;
        int probeMask;

        @Setup(Level.Trial)
        public void fill() {
            engine = IndicatorEngine.create();
            hashMap = new HashMap<>(indicators * 2);
            int capacity = Integer.highestOneBit(indicators * 2 - 1) << 1;
            probeKeys = new long[capacity];
            probeValues = new int[capacity];
            probeMask = capacity - 1;
            for (int i = 0; i < indicators; i++) {
                engine.put(SyntheticIndicators.equality(i));
                String value = SyntheticIndicators.equalityValue(i)[1];
                hashMap.put(value, i);
                long h = hash(value);
                int b = (int) h & probeMask;
                while (probeKeys[b] != 0) b = (b + 1) & probeMask;
                probeKeys[b] = h;
                probeValues[b] = i + 1;
            }
            SplittableRandom random = new SplittableRandom(42);
            for (int e = 0; e < EVENTS; e++) {
                int i = random.nextInt(indicators);
                String[] event = random.nextInt(10) == 0 ? SyntheticIndicators.equalityValue(i) : SyntheticIndicators.missValue(i);
                types[e] = event[0];
                values[e] = event[1];
            }
            ValueEvent[] all = new ValueEvent[EVENTS];
            for (int e = 0; e < EVENTS; e++) all[e] = new ValueEvent(types[e], values[e], SyntheticIndicators.OBSERVED_AT);
            events = List.of(all);
            if (engine.size() != indicators) throw new IllegalStateException("engine holds " + engine.size());
            int hits = 0;
            int found = 0;
            for (int e = 0; e < EVENTS; e++) {
                hits += engine.matchValue(types[e], values[e], SyntheticIndicators.OBSERVED_AT).indicatorIds().size();
                found += hashMap.containsKey(values[e]) ? 1 : 0;
            }
            int batchHits = 0;
            for (var outcome : engine.matchValues(events)) batchHits += outcome.indicatorIds().size();
            if (hits != found || hits == 0 || batchHits != hits) throw new IllegalStateException(hits + " events matched, " + found + " expected");
        }
    }

    /**
     * The hash a bare index computes per lookup: 64 bits over the characters, eight (one byte each, as the values
     * are ASCII) per step: measured a little faster here than four UTF-16 units per step, the engine's own step.
     * (Copying the bytes out first and reading eight at a time is faster in isolation, but slower in this benchmark,
     * where each copy is a fresh array and so a cache line written per event.)
     */
    static long hash(String value) {
        long h = 0x9E3779B97F4A7C15L;
        int n = value.length();
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long word = value.charAt(i) | (long) value.charAt(i + 1) << 8 | (long) value.charAt(i + 2) << 16
                    | (long) value.charAt(i + 3) << 24 | (long) value.charAt(i + 4) << 32
                    | (long) value.charAt(i + 5) << 40 | (long) value.charAt(i + 6) << 48
                    | (long) value.charAt(i + 7) << 56;
            h = Long.rotateLeft(h ^ word * 0x87C37B91114253D5L, 27) * 5 + 0x52DCE729;
        }
        for (; i < n; i++) h = (h ^ value.charAt(i)) * 0x100000001B3L;
        long mixed = SyntheticIndicators.mix(h);
        return mixed == 0 ? 1 : mixed;
    }

    /**
     * The bare probe: the value's hash, then a walk of one {@code long[]} of hashes (0 marks an empty bucket) until
     * the hash or an empty bucket, reading the entry's value only on a hit. The same layout and reads as the
     * engine's {@code KeyTable}, so that a miss costs both the same one array read.
     */
    static int probe(Equality state, String value) {
        long[] keys = state.probeKeys;
        int mask = state.probeMask;
        long h = hash(value);
        long k;
        for (int b = (int) h & mask; (k = keys[b]) != 0; b = (b + 1) & mask) {
            if (k == h) return state.probeValues[b];
        }
        return 0;
    }

    @State(Scope.Benchmark)
    public static class Complex {
        @Param("10000")
        public int patterns;

        /** Patterns in every thousand with no indexable term (MATCHES only), evaluated for every observation with a URL. */
        @Param({"0", "1"})
        public int unindexedPerThousand;

        IndicatorEngine engine;
        List<Observation> observations;

        @Setup(Level.Trial)
        public void fill() {
            engine = IndicatorEngine.create();
            for (int i = 0; i < patterns; i++) engine.put(SyntheticIndicators.complex(i, unindexedPerThousand));
            observations = SyntheticIndicators.observations(1024, patterns, 0.10, 7);
            int matched = 0;
            for (Observation o : observations) matched += engine.match(o).indicatorIds().size();
            if (matched == 0) throw new IllegalStateException("no observation matched; the benchmark would measure misses only");
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void equalityMatchValue(Equality state, Blackhole sink) {
        for (int e = 0; e < EVENTS; e++) {
            sink.consume(state.engine.matchValue(state.types[e], state.values[e], SyntheticIndicators.OBSERVED_AT));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void equalityMatchValues(Equality state, Blackhole sink) {
        sink.consume(state.engine.matchValues(state.events));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void baselineHashMapGet(Equality state, Blackhole sink) {
        for (int e = 0; e < EVENTS; e++) sink.consume(state.hashMap.get(state.values[e]));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void baselineHashProbe(Equality state, Blackhole sink) {
        for (int e = 0; e < EVENTS; e++) sink.consume(probe(state, state.values[e]));
    }

    @Benchmark
    @OperationsPerInvocation(1024)
    public void complexMatch(Complex state, Blackhole sink) {
        for (Observation o : state.observations) sink.consume(state.engine.match(o));
    }
}
