package org.entente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.entente.core.pattern.engine.IndicatorEngine;

/**
 * Heap used per indicator: fills an {@link IndicatorEngine} with N equality indicators
 * ({@link SyntheticIndicators#equality}; default 10,000,000) and reports the heap in use after a full GC, less
 * what was in use before, divided by N. Then checks that a sample of indicators still match, so the figure is
 * of a working index. Run with a heap large enough for the growth steps ({@code -Xmx4g} for 10M).
 */
public final class EngineHeapBench {
    private EngineHeapBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        IndicatorEngine engine = IndicatorEngine.create();
        for (int i = 0; i < n; i++) {
            engine.put(SyntheticIndicators.equality(i));
            if ((i + 1) % 1_000_000 == 0) System.err.printf("  %,d indicators put%n", i + 1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc(memory);
        int checked = 0;
        for (int i = 0; i < n; i += Math.max(1, n / 10_000)) {
            String[] v = SyntheticIndicators.equalityValue(i);
            var outcome = engine.matchValue(v[0], v[1], SyntheticIndicators.OBSERVED_AT);
            if (!outcome.indicatorIds().equals(java.util.List.of(SyntheticIndicators.id(i)))) {
                throw new IllegalStateException("indicator " + i + " did not match: " + outcome);
            }
            checked++;
        }
        System.out.printf("%,d equality indicators put in %.1f s (%,.0f/s); heap after GC %,d MiB more than before:"
                        + " %.1f bytes per indicator; %,d sampled indicators match%n",
                n, seconds, n / seconds, (after - before) >> 20, (after - before) / (double) n, checked);
        if (engine.size() != n) throw new IllegalStateException("engine holds " + engine.size());
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
