package org.entente.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.BundleReader;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.NodeSetup;
import org.entente.server.ingest.Ingest;
import org.entente.server.ingest.Outcome;
import org.entente.store.Store;
import org.entente.store.StoreFactory;

/**
 * Imports a bundle file into a fresh store (SQLite in a temporary directory, or a throwaway PostgreSQL
 * with {@code --postgres}) the way {@code entente import} does: BundleReader → Ingest in batches. Prints
 * objects per second and the peak heap of the import; opening the store and migrating are not timed.
 *
 * <p>Usage: {@code ImportBench FILE [--postgres] [--batch N] [--url-params P]}. Run with a fixed {@code -Xmx}.
 * {@code --url-params} appends JDBC URL parameters to the store's URL, to try driver settings without
 * changing the store: e.g. {@code synchronous=NORMAL&wal_autocheckpoint=100000} for SQLite, or
 * {@code reWriteBatchedInserts=true} for PostgreSQL.
 */
public final class ImportBench {
    private ImportBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ImportBench FILE [--postgres] [--batch N] [--url-params P]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        boolean postgres = false;
        int batch = Ingest.DEFAULT_BATCH;
        String urlParams = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--postgres" -> postgres = true;
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--url-params" -> urlParams = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dataDir = Files.createTempDirectory("entente-bench-import");
        try (ThrowawayPostgres server = postgres ? ThrowawayPostgres.start() : null;
             Store store = StoreFactory.open(dataDir, url(dataDir, server, urlParams))) {
            NodeSetup.ensure(store, dataDir, "bench-token");
            String collection = store.collections().find(NodeSetup.DEFAULT_COLLECTION).orElseThrow().id();
            run(file, store, collection, batch, urlParams);
        } finally {
            deleteTree(dataDir);
        }
    }

    /** Null (the store's default SQLite file) unless PostgreSQL or extra parameters are asked for. */
    private static String url(Path dataDir, ThrowawayPostgres server, String params) {
        if (server == null && params == null) return null;
        String base = server != null ? server.jdbcUrl()
                : "jdbc:sqlite:" + dataDir.resolve(StoreFactory.DEFAULT_FILE_NAME).toAbsolutePath();
        if (params == null) return base;
        return base + (base.contains("?") ? "&" : "?") + params;
    }

    private static void run(Path file, Store store, String collection, int batch, String urlParams) throws IOException {
        Ingest ingest = new Ingest(store.objects(), StixValidator.stix21());
        Map<Outcome.Kind, Long> counts = new EnumMap<>(Outcome.Kind.class);
        String[] firstRejection = new String[1];
        long started;
        long elapsed;
        try (PeakHeap heap = PeakHeap.start();
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             BundleReader reader = StixJson.openBundle(in)) {
            started = System.nanoTime();
            ThreadTimes writerStart = ThreadTimes.now();
            long processCpuStart = processCpuNanos();
            ingest.stream(collection, elements(reader), batch, outcome -> {
                counts.merge(outcome.kind(), 1L, Long::sum);
                if (outcome.kind() == Outcome.Kind.REJECTED && firstRejection[0] == null) firstRejection[0] = outcome.reason();
            });
            elapsed = System.nanoTime() - started;
            ThreadTimes writer = ThreadTimes.now().since(writerStart);
            long processCpu = processCpuNanos() - processCpuStart;
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("import %s into %s%s, batch %d: %,d objects (%s) in %.1f s = %,.0f objects/s%n",
                    file.getFileName(), store.dialect(), urlParams == null ? "" : " (" + urlParams + ")", batch, total, counts, elapsed / 1e9, total / (elapsed / 1e9));
            System.out.printf("peak heap during import: %s (sum of heap pool peaks), %s (sampled max) of -Xmx %s%n",
                    PeakHeap.mib(heap.poolPeaksSum()), PeakHeap.mib(heap.sampledMax()), PeakHeap.mib(PeakHeap.maxHeap()));
            // The writer (this thread) is the import's critical path: its time on a CPU plus its time blocked
            // (commits) is what the import would take with a core to itself; the wait for a CPU is the
            // share other processes took on a shared machine.
            System.out.printf("writer thread: %.1f s on a CPU, %.1f s waiting for a CPU, %.1f s blocked; process CPU %.1f s%n",
                    writer.onCpuNanos() / 1e9, writer.waitingForCpuNanos() / 1e9,
                    (elapsed - writer.onCpuNanos() - writer.waitingForCpuNanos()) / 1e9, processCpu / 1e9);
            if (firstRejection[0] != null) System.out.println("first rejection: " + firstRejection[0]);
            System.out.printf("distinct objects stored: %,d%n", store.objects().countObjects(collection));
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    static Iterator<Element> elements(BundleReader reader) {
        return new Iterator<>() {
            private Element next = reader.next().orElse(null);

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Element next() {
                if (next == null) throw new NoSuchElementException();
                Element current = next;
                next = reader.next().orElse(null);
                return current;
            }
        };
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
