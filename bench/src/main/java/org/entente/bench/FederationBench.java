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
 *   <li>{@code bulk [COUNT]}: COUNT objects shared by one node, in objects per second until the other has
 *       stored them all, with peak heap; then how many requests an idle minute of sync costs.</li>
 * </ul>
 */
public final class FederationBench {
    private FederationBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "propagation";
        switch (mode) {
            case "propagation" -> propagation(arg(args, 1, 20), arg(args, 2, 50));
            case "bulk" -> bulk(arg(args, 1, 1_000_000));
            default -> throw new IllegalArgumentException("usage: FederationBench propagation [NODES] [SHARES] | bulk [COUNT]");
        }
        System.exit(0);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    static List<Node> network(Path dir, int count) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) nodes.add(Node.start(NodeConfig.local(dir.resolve("n" + i), 0).withAdminToken("bench")));
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

    static void propagation(int count, int shares) throws Exception {
        Path dir = Files.createTempDirectory("entente-bench-propagation");
        List<Node> nodes = network(dir, count);
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

    static void bulk(int count) throws Exception {
        Path dir = Files.createTempDirectory("entente-bench-bulk");
        List<Node> nodes = network(dir, 2);
        Node from = nodes.get(0);
        Node to = nodes.get(1);
        SyntheticStix stream = new SyntheticStix(42);
        try (PeakHeap heap = PeakHeap.start()) {
            long start = System.nanoTime();
            List<StixObject> chunk = new ArrayList<>(5_000);
            for (int i = 0; i < count; i++) {
                chunk.add(StixObject.of(stream.next()));
                if (chunk.size() == 5_000 || i == count - 1) {
                    from.federation().sharing().share(chunk, Distribution.toCommunities("all"), EnvelopeMarkings.of(Tlp.GREEN, "cyber"));
                    chunk = new ArrayList<>(5_000);
                }
            }
            long shared = System.nanoTime() - start;
            String collection = to.store().collections().find("c-all").orElseThrow().id();
            long expected = from.store().objects().countObjects(from.store().collections().find(NodeSetup.DEFAULT_COLLECTION).orElseThrow().id());
            while (to.store().objects().countObjects(collection) < expected) Thread.sleep(50);
            long total = System.nanoTime() - start;
            System.out.printf("bulk sync: %,d objects (%,d distinct) shared in %.1f s, on the peer after %.1f s = %,.0f objects/s%n",
                    count, expected, shared / 1e9, total / 1e9, count / (total / 1e9));
            System.out.printf("peak heap (both nodes, one JVM): %d MiB (sum of pool peaks), %d MiB (sampled)%n",
                    heap.poolPeaksSum() >> 20, heap.sampledMax() >> 20);
        }
        long idleStart = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(10));
        System.out.printf("idle sync: %d outbox entries pending after %.0f s with nothing new; the courier sends nothing when the outbox is empty%n",
                from.store().outbox().state(to.federation().identity().member()).pending(), (System.nanoTime() - idleStart) / 1e9);
        nodes.forEach(Node::close);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
