package org.entente.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.NodeSetup;
import org.entente.store.NewVersion;

/**
 * Throughput of the observation stream: a node holding M equality indicators on domains (default 100,000,
 * stored before it starts, so they are loaded as at a restart) is sent N observation lines in one
 * {@code POST /api/v1/observations} over loopback HTTP; a fraction (default 0.1%) hit an indicator and are
 * stored as sightings, the rest are matched and forgotten. Prints the indicators' load time and lines/s of the
 * whole request (parse, match, aggregate, store the sightings), with the load average.
 *
 * <p>Usage: {@code ObserveBench N [--indicators M] [--hit-rate R]}.
 */
public final class ObserveBench {
    private static final int BATCH = 10_000;
    private static final String TOKEN = "bench";

    private ObserveBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ObserveBench N [--indicators M] [--hit-rate R]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0].replace("_", ""));
        int indicators = 100_000;
        double hitRate = 0.001;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--indicators" -> indicators = Integer.parseInt(args[++i].replace("_", ""));
                case "--hit-rate" -> hitRate = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("entente-bench-observe");
        try {
            run(dir, n, indicators, hitRate);
        } finally {
            ImportBench.deleteTree(dir);
        }
    }

    private static void run(Path dir, long n, int indicators, double hitRate) throws IOException, InterruptedException {
        Path data = dir.resolve("node");
        try (Node first = Node.start(NodeConfig.local(data, 0).withAdminToken(TOKEN))) {
            String collection = first.store().collections().find(NodeSetup.DEFAULT_COLLECTION).orElseThrow().id();
            List<NewVersion> batch = new ArrayList<>(BATCH);
            Instant modified = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < indicators; i++) {
                String id = "indicator--" + UUID.nameUUIDFromBytes(("bench-" + i).getBytes());
                batch.add(new NewVersion(id, "indicator", "2.1", modified, """
                        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z",\
                        "pattern":"[domain-name:value = 'd%d.bench.example']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}"""
                        .formatted(id, i)));
                if (batch.size() == BATCH) {
                    first.store().objects().write(collection, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) first.store().objects().write(collection, batch);
        }

        Path lines = dir.resolve("observations.ndjson");
        Random random = new Random(42);
        long expectedHits = 0;
        try (BufferedWriter w = Files.newBufferedWriter(lines)) {
            for (long i = 0; i < n; i++) {
                boolean hit = random.nextDouble() < hitRate;
                if (hit) expectedHits++;
                String domain = hit ? "d" + random.nextInt(indicators) + ".bench.example" : "q" + i + ".resolver.example";
                w.write("{\"type\":\"domain-name\",\"value\":\"" + domain + "\",\"seen\":\"2026-11-24T10:00:00Z\"}\n");
            }
        }

        long loadStart = System.nanoTime();
        try (Node node = Node.start(NodeConfig.local(data, 0).withAdminToken(TOKEN))) {
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("node started holding %,d indicators in %.1f s (%,.0f indicators/s loaded)%n",
                    node.detector().indicators().size(), loadSeconds, node.detector().indicators().size() / loadSeconds);
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "api/v1/observations"))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofFile(lines)).build();
            long start = System.nanoTime();
            HttpResponse<String> response;
            try (HttpClient http = HttpClient.newHttpClient()) {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String body = response.body();
            System.out.printf("%,d observation lines (%,d expected hits) in %.2f s: %,.0f lines/s; HTTP %d; summary %s%n",
                    n, expectedHits, seconds, n / seconds, response.statusCode(),
                    body.replaceAll("\"sightings\":\\[[^]]*]", "\"sightings\":[…]"));
            System.out.printf("load average (1 min): %.2f on %d cores%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        }
    }
}
