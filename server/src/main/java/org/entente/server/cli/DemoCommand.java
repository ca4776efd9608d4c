package org.entente.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.access.Tokens;
import org.entente.server.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code entente demo}: a local network of nodes, each a separate process of this same program, with
 * communities, a bilateral channel and sample data flowing between them. Prints one JSON line per node
 * (member, country, level, sector, URLs, an admin token) for scripts, and stops every node on Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local network of nodes (separate processes) with communities and sample data.")
final class DemoCommand implements Callable<Integer> {
    /** Who the demo nodes are; beyond these, further sectoral CERTs are made up. */
    static final List<String[]> MEMBERS = List.of(
            new String[] {"CERT-Bund (demo)", "DE", "state", "cyber"},
            new String[] {"CERT-FR (demo)", "FR", "state", "cyber"},
            new String[] {"Dutch Banking Fraud Unit (demo)", "NL", "sectoral", "finance"},
            new String[] {"Estonian Ministry of the Interior (demo)", "EE", "ministerial", "law-enforcement"},
            new String[] {"Polish Civil Protection (demo)", "PL", "state", "civil-protection"});

    @Option(names = "--nodes", defaultValue = "5", description = "How many nodes (at least 2). Default: ${DEFAULT-VALUE}.")
    int nodes;

    @Option(names = "--base-port", defaultValue = "9400", description = "Node i listens on P+2i (HTTP) and P+2i+1 (peers). Default: ${DEFAULT-VALUE}.")
    int basePort;

    @Option(names = "--dir", description = "Where the nodes keep their data (default: a new temporary directory).")
    Path dir;

    @Option(names = "--exit-when-ready", hidden = true, description = "For tests: stop the network once the data has flowed.")
    boolean exitWhenReady;

    @Spec
    CommandSpec spec;

    record DemoNode(Process process, String token, String url, Map<String, Object> identity, String[] member) {
        @SuppressWarnings("unchecked")
        String memberId() {
            return (String) ((Map<String, Object>) identity.get("member")).get("id");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        if (nodes < 2) throw new IllegalArgumentException("--nodes must be at least 2");
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("entente-demo-");
        List<DemoNode> network = new ArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            stopAll(network);
            stop.countDown();
        }, "entente-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        for (int i = 0; i < nodes; i++) network.add(launch(root, i));
        for (DemoNode node : network) {
            for (DemoNode other : network) {
                if (node != other) {
                    post(node, "/api/v1/peers", StixJson.object(
                            "url", other.identity().get("federation_url"), "fingerprint", other.identity().get("tls_fingerprint")));
                }
            }
        }
        List<String> ids = network.stream().map(DemoNode::memberId).toList();
        List<String> certs = new ArrayList<>();
        for (DemoNode n : network) if (n.member()[3].equals("cyber")) certs.add(n.memberId());
        for (DemoNode n : network) {
            put(n, "/api/v1/communities/eu-certs", StixJson.object("members", certs, "domains", List.of("cyber"),
                    "highest_tlp", "amber", "relay_allowed", true));
            put(n, "/api/v1/communities/fraud-wave", StixJson.object("members", ids, "domains", List.of("cyber", "fraud"),
                    "highest_tlp", "green", "relay_allowed", true));
            put(n, "/api/v1/communities/" + bilateralName(network), StixJson.object("members", List.of(ids.get(0), ids.get(ids.size() - 1)),
                    "highest_tlp", "amber+strict", "membership_hidden", true));
        }
        List<Object> objects = new ArrayList<>();
        DemoData.objects().forEach(o -> objects.add(o.properties()));
        post(network.get(0), "/api/v1/share", StixJson.object("objects", objects,
                "to", StixJson.object("communities", List.of("fraud-wave")), "tlp", "green", "domain", "fraud"));
        // The second member answers with its own object: a note on the campaign, not a copy of the origin's.
        String campaign = DemoData.objects().stream().filter(o -> o.type().equals("campaign")).findFirst().orElseThrow().id();
        String now = org.entente.core.stix.StixTimestamp.ofMillis(Instant.now()).text();
        post(network.get(1), "/api/v1/share", StixJson.object("objects", List.of(StixJson.object(
                        "type", "note", "spec_version", "2.1", "id", "note--" + java.util.UUID.randomUUID(),
                        "created", now, "modified", now, "created_by_ref", network.get(1).memberId(),
                        "abstract", "Same lure seen in France",
                        "content", "Our banks report the same SMS lure since Monday; two of the domains resolve to the same host.",
                        "object_refs", List.of(campaign))),
                "to", StixJson.object("communities", List.of("eu-certs")), "tlp", "amber", "domain", "cyber"));
        PrintWriter out = spec.commandLine().getOut();
        for (DemoNode n : network) {
            out.println(StixJson.writeString(StixJson.object(
                    "member", n.memberId(), "name", n.member()[0], "country", n.member()[1], "level", n.member()[2],
                    "sector", n.member()[3], "url", n.url(), "taxii", n.url() + "taxii2/",
                    "federation_url", n.identity().get("federation_url"), "token", n.token())));
        }
        out.flush();
        spec.commandLine().getErr().println("entente demo: " + nodes + " nodes running under " + root + "; Ctrl-C stops them all");
        if (exitWhenReady) {
            waitForDelivery(network);
            Runtime.getRuntime().removeShutdownHook(shutdown);
            stopAll(network);
            return 0;
        }
        stop.await();
        return 0;
    }

    private static String bilateralName(List<DemoNode> network) {
        return (network.get(0).member()[1] + "-" + network.get(network.size() - 1).member()[1]).toLowerCase(java.util.Locale.ROOT);
    }

    private DemoNode launch(Path root, int i) throws IOException, InterruptedException, URISyntaxException {
        String[] member = i < MEMBERS.size() ? MEMBERS.get(i)
                : new String[] {"Sectoral CERT " + (i + 1) + " (demo)", "EU", "sectoral", "cyber"};
        int port = basePort + 2 * i;
        String token = Tokens.generate();
        Path data = root.resolve("node-" + (i + 1));
        Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-cp", jar.toString(), EntenteCommand.class.getName(), "serve", "--data", data.toString(),
                "--port", Integer.toString(port), "--federation-port", Integer.toString(port + 1),
                "--member-name", member[0], "--country", member[1], "--level", member[2], "--sector", member[3]);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(data.resolveSibling("node-" + (i + 1) + ".out").toFile())
                .redirectError(data.resolveSibling("node-" + (i + 1) + ".log").toFile());
        Files.createDirectories(data);
        builder.environment().put("ENTENTE_ADMIN_TOKEN", token);
        Process process = builder.start();
        String url = "http://127.0.0.1:" + port + "/";
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            if (!process.isAlive()) throw new IllegalStateException("node " + (i + 1) + " exited; see " + data.resolveSibling("node-" + (i + 1) + ".log"));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/node"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> identity = (Map<String, Object>) StixJson.readTree(r.body().getBytes(StandardCharsets.UTF_8));
                    return new DemoNode(process, token, url, identity, member);
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("node " + (i + 1) + " did not start within 60 s");
            Thread.sleep(200);
        }
    }

    private void waitForDelivery(List<DemoNode> network) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        for (DemoNode n : network) {
            while (true) {
                String peers = send(n, HttpRequest.newBuilder(URI.create(n.url() + "api/v1/peers")).GET());
                if (!peers.contains("\"pending\":") || !peers.matches("(?s).*\"pending\":[1-9].*")) break;
                if (Instant.now().isAfter(deadline)) throw new IllegalStateException("demo data did not flow within 60 s: " + peers);
                Thread.sleep(200);
            }
        }
    }

    private void post(DemoNode n, String path, Map<String, Object> body) throws IOException, InterruptedException {
        send(n, HttpRequest.newBuilder(URI.create(n.url() + path.substring(1)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(StixJson.write(body))).header("Content-Type", "application/json"));
    }

    private void put(DemoNode n, String path, Map<String, Object> body) throws IOException, InterruptedException {
        send(n, HttpRequest.newBuilder(URI.create(n.url() + path.substring(1)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(StixJson.write(body))).header("Content-Type", "application/json"));
    }

    private String send(DemoNode n, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + n.token()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException("node " + n.url() + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private static void stopAll(List<DemoNode> network) {
        network.forEach(n -> n.process().destroy());
        for (DemoNode n : network) {
            try {
                if (!n.process().waitFor(20, TimeUnit.SECONDS)) n.process().destroyForcibly();
            } catch (InterruptedException e) {
                n.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
