package org.entente.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.NodeSetup;
import org.entente.server.ingest.Ingest;
import org.entente.server.ingest.Outcome;
import org.entente.store.CollectionInfo;
import org.entente.store.ObjectQuery;
import org.entente.store.Page;
import org.entente.store.Store;

/**
 * A node to load-test with wrk: fixed port and admin token, collection {@code default} holding 8 objects
 * and collection {@code large} holding N (default 100,000) objects of the {@link SyntheticStix} mix. Writes
 * the {@code next} cursor of every page of {@code large} at {@code limit=100} to a file, one per line, so a
 * wrk script can read random pages. Serves until killed.
 *
 * <p>Usage: {@code TaxiiServe [--port 8181] [--token bench-token] [--large 100000] [--cursors FILE] [--postgres]}
 */
public final class TaxiiServe {
    static final String LARGE = "large";
    static final int PAGE = 100;

    private TaxiiServe() {}

    public static void main(String[] args) throws IOException {
        int port = 8181;
        String token = "bench-token";
        int large = 100_000;
        Path cursors = Path.of("bench/target/large-cursors.txt");
        boolean postgres = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--token" -> token = args[++i];
                case "--large" -> large = Integer.parseInt(args[++i].replace("_", ""));
                case "--cursors" -> cursors = Path.of(args[++i]);
                case "--postgres" -> postgres = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dataDir = Files.createTempDirectory("entente-bench-taxii");
        ThrowawayPostgres server = postgres ? ThrowawayPostgres.start() : null;
        NodeConfig config = NodeConfig.local(dataDir, port).withAdminToken(token);
        Node node = Node.start(server == null ? config : config.withDbUrl(server.jdbcUrl()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            if (server != null) server.close();
        }));
        Store store = node.store();
        String small = store.collections().find(NodeSetup.DEFAULT_COLLECTION).orElseThrow().id();
        store.collections().create(new CollectionInfo(UUID.randomUUID().toString(), "Large collection",
                "Benchmark data", LARGE));
        String big = store.collections().find(LARGE).orElseThrow().id();
        load(store, small, 8);
        load(store, big, large);
        List<Long> pageCursors = cursors(store, big);
        Files.createDirectories(cursors.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(cursors))) {
            pageCursors.forEach(out::println);
        }
        System.out.printf("ready: %staxii2/node/collections/{default,%s}/objects/ (8 and %,d objects; %,d cursors in %s) "
                + "token %s, store %s%n", node.url(), LARGE, large, pageCursors.size(), cursors, token, store.dialect());
    }

    private static void load(Store store, String collection, int count) {
        SyntheticStix objects = new SyntheticStix(collection.hashCode());
        Iterator<Element> elements = new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < count;
            }

            @Override
            public Element next() {
                Map<String, Object> object = objects.next();
                return new Element(index++, StixObject.of(object), null);
            }
        };
        long[] rejected = new long[1];
        new Ingest(store.objects(), StixValidator.stix21()).stream(collection, elements, Ingest.DEFAULT_BATCH, outcome -> {
            if (outcome.kind() == Outcome.Kind.REJECTED) rejected[0]++;
        });
        if (rejected[0] > 0) throw new IllegalStateException(rejected[0] + " generated objects were rejected");
    }

    /** The next cursor of every page but the last, walking the collection as TAXII clients do. */
    private static List<Long> cursors(Store store, String collection) {
        List<Long> cursors = new ArrayList<>();
        ObjectQuery query = ObjectQuery.latest().withLimit(PAGE);
        Page page = store.objects().find(collection, query);
        while (page.more()) {
            cursors.add(page.nextSeq());
            page = store.objects().find(collection, query.withAfterSeq(page.nextSeq()));
        }
        return cursors;
    }
}
