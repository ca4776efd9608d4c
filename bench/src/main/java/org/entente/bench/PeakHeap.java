package org.entente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap use over a measured stretch, two ways: the sum of each heap pool's own peak since
 * {@link #start} (the JVM tracks these exactly, but pools may peak at different moments, so the sum is an
 * upper bound), and the largest total heap use seen by a sampler every 10 ms (a lower bound).
 */
final class PeakHeap implements AutoCloseable {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long sampledMax;

    private PeakHeap() {
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = Thread.ofPlatform().daemon().name("peak-heap-sampler").start(this::sample);
    }

    static PeakHeap start() {
        return new PeakHeap();
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            sampledMax = Math.max(sampledMax, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long poolPeaksSum() {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long sampledMax() {
        return sampledMax;
    }

    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
