package org.entente.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.NodeSetup;

/**
 * Federation figures with nodes in one JVM, talking over mutual TLS on loopback:
 * <ul>
 *   <li>{@code propagation [NODES] [SHARES]}: the time for one shared object to reach every node of a
 *       community of NODES members (p50, p99 over SHARES shares);</li>
 *   <li>{@code bulk [COUNT] [live]}: COUNT objects shared by one node while its peer is paused, then the
 *       objects per second until the resumed peer has stored them all (with {@code live}, sharing and
 *       syncing overlap), with peak heap and CPU; then how many requests sync with nothing new costs. With
 *       {@code bare}, the nodes run without the stages that follow the store (correlation index, detect), so
 *       that the figure is that of the sync path alone.</li>
 * </ul>
 */
public final class FederationBench {
    /** Objects per share call of the bulk figure, as a caller importing a large file would hand them over. */
    private static final int SHARE_CHUNK = 10_000;

    private FederationBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "propagation";
        Path dir = Files.createTempDirectory("entente-bench-" + mode);
        try {
            run(mode, args, dir);
        } finally {
            // A 1M-object run leaves gigabytes of node data: never let runs fill the disk.
            ImportBench.deleteTree(dir);
        }
        System.exit(0);
    }

    private static void run(String mode, String[] args, Path dir) throws Exception {
        switch (mode) {
            case "propagation" -> propagation(dir, arg(args, 1, 20), arg(args, 2, 50));
            case "bulk" -> {
                List<String> flags = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
                bulk(dir, arg(args, 1, 1_000_000), flags.contains("live"), !flags.contains("bare"));
            }
            default -> throw new IllegalArgumentException(
                    "usage: FederationBench propagation [NODES] [SHARES] | bulk [COUNT] [live] [bare]");
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    static List<Node> network(Path dir, int count, boolean followingStages) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) nodes.add(Node.start(config(dir, i, followingStages)));
        for (Node a : nodes) {
            for (Node b : nodes) {
                if (a != b) a.federation().enrolment().enrol(URI.create(b.federation().url()), b.federation().identity().tls().fingerprint());
            }
        }
        Set<MemberId> members = new java.util.LinkedHashSet<>();
        nodes.forEach(n -> members.add(n.federation().identity().member()));
        Community all = new Community("all", new Charter(members, Set.of(), Tlp.AMBER, false, false));
        for (Node n : nodes) {
            n.store().communities().save(all);
            n.federation().peersChanged();
        }
        return nodes;
    }

    static void propagation(Path dir, int count, int shares) throws Exception {
        List<Node> nodes = network(dir, count, true);
        SyntheticStix objects = new SyntheticStix(7);
        for (int i = 0; i < 20; i++) objects.next(); // skip the identities at the head of the stream
        long[] reachAll = new long[shares];
        for (int s = 0; s < shares; s++) {
            StixObject object = StixObject.of(objects.next());
            long start = System.nanoTime();
            nodes.get(0).federation().sharing().share(List.of(object), Distribution.toCommunities("all"),
                    EnvelopeMarkings.of(Tlp.GREEN, "cyber"));
            for (Node n : nodes.subList(1, nodes.size())) {
                while (n.store().shares().originOf(object.id()).isEmpty()) Thread.onSpinWait();
            }
            reachAll[s] = System.nanoTime() - start;
        }
        Arrays.sort(reachAll);
        System.out.printf("propagation: %d nodes, %d shares: time to reach every node p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                count, shares, ms(reachAll[shares / 2]), ms(reachAll[(int) Math.ceil(shares * 0.99) - 1]), ms(reachAll[shares - 1]));
        nodes.forEach(Node::close);
    }

    /**
     * Bulk sync as a peer meets it after an outage: COUNT objects are shared while the peer is paused (the
     * outbox fills, as it would while the peer is unreachable), then the peer is resumed and the time until
     * it has stored them all is the sync figure. {@code live} shares with the peer connected instead, so
     * that sharing and syncing overlap (the figure before this split). Afterwards, the cost of syncing with
     * nothing new: requests the peer's federation port answered while idle, and after the origin restarts
     * with the last delivered envelope still in its outbox (a crash before the peer's answer was recorded).
     */
    static void bulk(Path dir, int count, boolean live, boolean followingStages) throws Exception {
        List<Node> nodes = network(dir, 2, followingStages);
        System.out.printf("nodes %s the correlation index and detect stages%n", followingStages ? "run" : "do not run");
        Node from = nodes.get(0);
        Node to = nodes.get(1);
        MemberId peer = to.federation().identity().member();
        if (!live) paused(from, peer, true);
        SyntheticStix stream = new SyntheticStix(42);
        long expected;
        String lastEnvelope = null;
        long start = System.nanoTime();
        try (PeakHeap heap = PeakHeap.start()) {
            List<StixObject> chunk = new ArrayList<>(SHARE_CHUNK);
            for (int i = 0; i < count; i++) {
                chunk.add(StixObject.of(stream.next()));
                if (chunk.size() == SHARE_CHUNK || i == count - 1) {
                    lastEnvelope = from.federation().sharing().share(chunk, Distribution.toCommunities("all"),
                            EnvelopeMarkings.of(Tlp.GREEN, "cyber")).envelopes().getLast();
                    chunk = new ArrayList<>(SHARE_CHUNK);
                }
            }
            long shared = System.nanoTime() - start;
            expected = from.store().objects().countObjects(from.store().collections().find(NodeSetup.DEFAULT_COLLECTION).orElseThrow().id());
            System.out.printf("share: %,d objects (%,d distinct) stored, signed and queued in %.1f s = %,.0f objects/s%s%n",
                    count, expected, shared / 1e9, count / (shared / 1e9), live ? " (peer connected)" : ", peer paused");
            System.out.printf("peak heap while sharing (both nodes, one JVM): %d MiB (sum of pool peaks), %d MiB (sampled)%n",
                    heap.poolPeaksSum() >> 20, heap.sampledMax() >> 20);
        }
        if (followingStages) {
            // After a real outage of hours the origin's own stages have long indexed and matched what it
            // stored meanwhile; here sharing took seconds, so they finish first, outside the figure.
            long stagesStart = System.nanoTime();
            caughtUp(from);
            System.out.printf("origin's index and detect stages caught up %.1f s after sharing, before the peer resumed%n",
                    (System.nanoTime() - stagesStart) / 1e9);
        }
        try (PeakHeap heap = PeakHeap.start()) {
            long syncStart = System.nanoTime();
            long cpuStart = processCpuNanos();
            long writtenStart = DiskWrites.bytes();
            long requestsBefore = to.federation().requestsServed();
            if (!live) paused(from, peer, false);
            // An entry leaves the outbox only once the peer answered that it stored the envelope. Counting the
            // peer's objects instead would scan its growing collection every few milliseconds and take CPU
            // from the node being measured; they are counted once, at the end.
            while (from.store().outbox().state(peer).pending() > 0) Thread.sleep(50);
            long end = System.nanoTime();
            long synced = end - syncStart;
            long cpu = processCpuNanos() - cpuStart;
            if (live) {
                System.out.printf("bulk sync, sharing while connected: all %,d objects on the peer after %.1f s = %,.0f objects/s%n",
                        count, (end - start) / 1e9, count / ((end - start) / 1e9));
            } else {
                System.out.printf("bulk sync after an outage: %,d objects (%,d requests) on the peer %.1f s after it was resumed = %,.0f objects/s%n",
                        count, to.federation().requestsServed() - requestsBefore,
                        synced / 1e9, count / (synced / 1e9));
                System.out.printf("CPU while syncing (both nodes, one JVM): %.1f s = %.0f µs per object (a load-independent view of the same run)%n",
                        cpu / 1e9, cpu / 1e3 / count);
                System.out.println(DiskWrites.perObject("while syncing", writtenStart, DiskWrites.bytes(), count));
            }
            System.out.printf("peak heap while syncing (both nodes, one JVM): %d MiB (sum of pool peaks), %d MiB (sampled)%n",
                    heap.poolPeaksSum() >> 20, heap.sampledMax() >> 20);
        }
        if (followingStages) {
            // The stages follow the store and are not part of the sync; what they still had to do once the
            // last object was stored is told apart, so that the figure above hides none of their work.
            long stagesStart = System.nanoTime();
            long cpuStart = processCpuNanos();
            long writtenStart = DiskWrites.bytes();
            caughtUp(to);
            System.out.printf("peer's index and detect stages caught up %.1f s after the sync (%.0f µs of CPU per object more)%n",
                    (System.nanoTime() - stagesStart) / 1e9, (processCpuNanos() - cpuStart) / 1e3 / count);
            System.out.println(DiskWrites.perObject("while the peer's stages caught up", writtenStart, DiskWrites.bytes(), count));
        }
        long stored = to.store().objects().countObjects(to.store().collections().find("c-all").orElseThrow().id());
        if (stored != expected) throw new IllegalStateException("the peer holds " + stored + " objects, not " + expected);
        nothingNew(dir, nodes, from, to, lastEnvelope, followingStages);
    }

    /** Runs the node's correlation index and detect stages up to the end of its store (each waits for a round under way). */
    private static void caughtUp(Node node) {
        node.correlationIndexer().catchUp();
        node.detector().catchUp();
    }

    /** Sync with nothing new: requests while idle, and after a restart that lost the last confirmation. */
    private static void nothingNew(Path dir, List<Node> nodes, Node from, Node to, String last, boolean followingStages)
            throws Exception {
        MemberId peer = to.federation().identity().member();
        long before = to.federation().requestsServed();
        for (int i = 0; i < 10; i++) {
            from.federation().peersChanged();
            Thread.sleep(Duration.ofSeconds(1));
        }
        System.out.printf("nothing new, connected: %d requests in 10 s with 10 wake-ups of the courier%n",
                to.federation().requestsServed() - before);

        // The last envelope back in the outbox, as after a crash between the peer's answer and its record.
        byte[] raw = to.store().inbox().find(last).orElseThrow().raw();
        paused(from, peer, true);
        from.store().outbox().enqueue(peer, last, raw);
        from.close();
        Node restarted = Node.start(config(dir, 0, followingStages));
        nodes.set(0, restarted);
        long atRestart = to.federation().requestsServed();
        paused(restarted, peer, false);
        while (restarted.store().outbox().state(peer).pending() > 0) Thread.sleep(20);
        System.out.printf("nothing new, after a restart that lost the last confirmation: %d request(s) until the outbox was empty%n",
                to.federation().requestsServed() - atRestart);
        nodes.forEach(Node::close);
    }

    private static NodeConfig config(Path dir, int i, boolean followingStages) {
        return NodeConfig.local(dir.resolve("n" + i), 0).withAdminToken("bench").withFollowingStages(followingStages);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void paused(Node node, MemberId peer, boolean paused) {
        node.store().peers().save(node.store().peers().find(peer).orElseThrow().withPaused(paused));
        node.federation().peersChanged();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
