package org.entente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The equality case of {@link IndicatorEngineBenchmark} timed in CPU time of the measuring thread rather than
 * wall time, so that other processes on a shared machine do not count: events per CPU second through
 * {@code matchValue}, through {@code matchValues} (batches of 4,096) and through the bare hash probe, in turn in
 * rounds of 5 s each, and the engine's ratios to the probe. Same
 * indicators and events as the JMH benchmark (default 1,000,000 indicators).
 */
public final class EngineCpuBench {
    private EngineCpuBench() {}

    public static void main(String[] args) {
        IndicatorEngineBenchmark.Equality state = new IndicatorEngineBenchmark.Equality();
        state.indicators = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        state.fill();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 4; round++) {
            double engine = perCpuSecond(threads, () -> {
                long found = 0;
                for (int e = 0; e < IndicatorEngineBenchmark.EVENTS; e++) {
                    found += state.engine.matchValue(state.types[e], state.values[e], SyntheticIndicators.OBSERVED_AT)
                            .indicatorIds().size();
                }
                return found;
            });
            double batched = perCpuSecond(threads, () -> {
                long found = 0;
                for (var outcome : state.engine.matchValues(state.events)) found += outcome.indicatorIds().size();
                return found;
            });
            double probe = perCpuSecond(threads, () -> {
                long found = 0;
                for (int e = 0; e < IndicatorEngineBenchmark.EVENTS; e++) {
                    if (IndicatorEngineBenchmark.probe(state, state.values[e]) != 0) found++;
                }
                return found;
            });
            System.out.printf("round %d%s: engine %,.0f events per CPU second (matchValue), %,.0f (matchValues), bare hash"
                    + " probe %,.0f; ratios %.2f, %.2f%n",
                    round, round == 1 ? " (warm-up)" : "", engine, batched, probe, engine / probe, batched / probe);
        }
    }

    private static volatile long sink;

    private static double perCpuSecond(ThreadMXBean threads, java.util.function.LongSupplier batch) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long events = 0;
        while (System.nanoTime() - wallStart < 5_000_000_000L) {
            sink += batch.getAsLong();
            events += IndicatorEngineBenchmark.EVENTS;
        }
        return events / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
}
