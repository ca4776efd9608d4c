package org.entente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.index.Correlation;
import org.entente.server.index.CorrelationIndexer;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.StoreFactory;

/**
 * The CPU the correlation index stage spends per stored version, beside what storing that version cost,
 * on the objects of the bulk-sync figure ({@link SyntheticStix}: indicators, malware, relationships,
 * sightings). COUNT objects are stored as an origin stores what it shares: each in {@code default} and in
 * the community's collection with its sharing labels, in one transaction per 2,000 objects (so 2 × COUNT
 * stored versions); then {@link CorrelationIndexer#catchUp} indexes them all on this thread. A first round of
 * COUNT / 4 objects warms the JIT and is not counted. CPU is this thread's (the store's writer and SQLite
 * run on the calling thread), so the figure does not depend on the machine's load.
 *
 * <p>With {@code --received} the objects are stored as a peer receiving a bulk sync stores them: once, in the
 * community's collection, with a remote origin's labels, and the index catches up after every
 * {@value #ROUND} objects (what its follower finds at each poll while a sync runs), passing what each round added
 * to {@link Correlation#reached} as the node's warn stage does. CPU is then that of the catch-ups and the
 * listener alone, per stored version (one per object).
 *
 * <p>Usage: {@code IndexStageBench [COUNT] [--postgres] [--received]} (default 50,000).
 */
public final class IndexStageBench {
    private static final int CHUNK = 2_000;
    /** Objects stored between two catch-ups in the {@code --received} run: two envelopes, about one poll's worth. */
    private static final int ROUND = 4_000;

    private IndexStageBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0].replace("_", "")) : 50_000;
        boolean postgres = List.of(args).contains("--postgres");
        boolean received = List.of(args).contains("--received");
        Path dataDir = Files.createTempDirectory("entente-bench-index");
        try (ThrowawayPostgres server = postgres ? ThrowawayPostgres.start() : null;
             Store store = StoreFactory.open(dataDir, server != null ? server.jdbcUrl() : null)) {
            if (received) runReceived(store, count);
            else run(store, count);
        } finally {
            ImportBench.deleteTree(dataDir);
        }
        System.exit(0);
    }

    private static void run(Store store, int count) {
        MemberId local = MemberId.ofPublicKey("bench-origin".getBytes(StandardCharsets.UTF_8));
        store.members().save(new Member(local, "origin", "DE", Level.STATE, "cyber"));
        store.members().setLocal(local);
        store.collections().create(new CollectionInfo("default", "Default", null, null));
        store.collections().create(new CollectionInfo("c-all", "Community all", null, null));
        CorrelationIndexer indexer = new CorrelationIndexer(store, local, CorrelationIndexer.DEFAULT_BATCH);
        SyntheticStix stream = new SyntheticStix(42);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        storeShared(store, stream, local, count / 4);
        indexer.catchUp();

        long storeStart = threads.getCurrentThreadCpuTime();
        storeShared(store, stream, local, count);
        long storeCpu = threads.getCurrentThreadCpuTime() - storeStart;
        long indexStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long added = indexer.catchUp();
        long indexCpu = threads.getCurrentThreadCpuTime() - indexStart;
        long wall = System.nanoTime() - wallStart;
        long versions = 2L * count;
        System.out.printf("index stage on %s: %,d objects stored in 2 collections each = %,d stored versions%n",
                store.dialect(), count, versions);
        System.out.printf("store (objects + labels, one transaction per %,d): %.2f s of CPU = %.1f µs per stored version%n",
                CHUNK, storeCpu / 1e9, storeCpu / 1e3 / versions);
        System.out.printf("index (catch-up): %.2f s of CPU = %.1f µs per stored version (%.1f µs per object); %.2f s wall; %,d occurrences added%n",
                indexCpu / 1e9, indexCpu / 1e3 / versions, indexCpu / 1e3 / count, wall / 1e9, added);
        System.out.printf("index: %,d occurrences, %,d observables in all%n",
                store.correlation().occurrenceCount(), store.correlation().observableCount());
    }

    private static void runReceived(Store store, int count) {
        MemberId local = MemberId.ofPublicKey("bench-peer".getBytes(StandardCharsets.UTF_8));
        MemberId origin = MemberId.ofPublicKey("bench-origin".getBytes(StandardCharsets.UTF_8));
        store.members().save(new Member(local, "peer", "FR", Level.STATE, "cyber"));
        store.members().save(new Member(origin, "origin", "DE", Level.STATE, "cyber"));
        store.members().setLocal(local);
        store.collections().create(new CollectionInfo("c-all", "Community all", null, null));
        CorrelationIndexer indexer = new CorrelationIndexer(store, local, CorrelationIndexer.DEFAULT_BATCH);
        Correlation correlation = new Correlation(store, Clock.systemUTC());
        long[] reached = new long[1];
        indexer.onIndexed(added -> reached[0] += correlation.reached(added, 2, Duration.ofDays(7)).size());
        SyntheticStix stream = new SyntheticStix(42);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        receive(store, stream, origin, count / 4, indexer);
        long storeCpu = 0;
        long indexCpu = 0;
        long wallStart = System.nanoTime();
        for (int done = 0; done < count; done += ROUND) {
            long start = threads.getCurrentThreadCpuTime();
            receive(store, stream, origin, Math.min(ROUND, count - done), null);
            long stored = threads.getCurrentThreadCpuTime();
            indexer.catchUp();
            storeCpu += stored - start;
            indexCpu += threads.getCurrentThreadCpuTime() - stored;
        }
        long wall = System.nanoTime() - wallStart;
        System.out.printf("index stage on %s, as a peer receiving: %,d objects stored once each, caught up every %,d%n",
                store.dialect(), count, ROUND);
        System.out.printf("store (objects + labels, one transaction per %,d): %.2f s of CPU = %.1f µs per stored version%n",
                CHUNK, storeCpu / 1e9, storeCpu / 1e3 / count);
        System.out.printf("index (catch-ups and Correlation.reached): %.2f s of CPU = %.1f µs per stored version; %.2f s wall (both); %,d clusters reached%n",
                indexCpu / 1e9, indexCpu / 1e3 / count, wall / 1e9, reached[0]);
        System.out.printf("index: %,d occurrences, %,d observables in all%n",
                store.correlation().occurrenceCount(), store.correlation().observableCount());
    }

    /** Stores objects once, in the community's collection, as received from {@code origin}; catches up if given an indexer. */
    private static void receive(Store store, SyntheticStix stream, MemberId origin, int count, CorrelationIndexer indexer) {
        store(store, stream, origin, count, List.of("c-all"), indexer);
    }

    /** Stores objects as the origin of a share does: in both collections, with their labels, per chunk. */
    private static void storeShared(Store store, SyntheticStix stream, MemberId origin, int count) {
        store(store, stream, origin, count, List.of("default", "c-all"), null);
    }

    /**
     * Stores {@code count} objects of the stream in each of the collections with {@code origin}'s labels, one
     * transaction per {@value #CHUNK}; catches up after each if given an indexer.
     */
    private static void store(Store store, SyntheticStix stream, MemberId origin, int count, List<String> collections,
            CorrelationIndexer indexer) {
        SharingLabels labels = SharingLabels.of(origin, Distribution.toCommunities("all"), Tlp.GREEN, "cyber");
        for (int done = 0; done < count; done += CHUNK) {
            List<NewVersion> versions = new ArrayList<>(CHUNK);
            List<Share> shares = new ArrayList<>(CHUNK);
            String envelope = "envelope--bench-" + System.nanoTime();
            for (int i = 0; i < Math.min(CHUNK, count - done); i++) {
                Map<String, Object> tree = stream.next();
                StixObject object = StixObject.of(tree);
                versions.add(new NewVersion(object.id(), object.type(), "2.1",
                        object.version().map(t -> t.instant()).orElse(null), StixJson.writeString(tree)));
                shares.add(Share.of(object, envelope, labels));
            }
            store.atomically(work -> {
                for (String collection : collections) work.objects(collection, versions);
                work.shares(shares);
                return null;
            });
            if (indexer != null) indexer.catchUp();
        }
    }
}
