package org.entente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the calling thread's time went over a measured stretch, from Linux's {@code schedstat}: on a CPU,
 * and runnable but waiting for one (what other processes on a shared machine take away). The rest of the
 * wall time the thread was blocked (I/O, locks, waiting for other threads). Zero where there is no
 * {@code /proc/thread-self/schedstat}.
 */
record ThreadTimes(long onCpuNanos, long waitingForCpuNanos) {
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

    static ThreadTimes now() {
        try {
            String[] fields = Files.readString(SCHEDSTAT).trim().split(" ");
            return new ThreadTimes(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
        } catch (IOException | RuntimeException e) {
            return new ThreadTimes(0, 0);
        }
    }

    ThreadTimes since(ThreadTimes start) {
        return new ThreadTimes(onCpuNanos - start.onCpuNanos, waitingForCpuNanos - start.waitingForCpuNanos);
    }
}
