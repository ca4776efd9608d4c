package org.entente.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes as separate processes: a node killed with SIGKILL in the middle of a sync catches up, each object once. */
class FederationProcessIT {
    static final String TOKEN = "process-test-token";

    @TempDir
    Path dir;

    final List<Process> processes = new ArrayList<>();

    record Started(Process process, String url, String federationUrl, String fingerprint, String member) {}

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    Started serve(String name, int port) throws IOException {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-jar", System.getProperty("entente.jar"), "serve", "--data", dir.resolve(name).toString(),
                "--port", Integer.toString(port), "--federation-port", Integer.toString(port + 1), "--member-name", name);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve(name + ".log").toFile());
        builder.environment().put("ENTENTE_ADMIN_TOKEN", TOKEN);
        Process process = builder.start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("member ")) {
            // the banner ends with the member line
        }
        assertThat(line).as("node %s printed its member line", name).isNotNull();
        String[] words = line.split(" ");
        // "member <id>, peers connect to <url> --fingerprint <hex>"
        return new Started(process, "http://127.0.0.1:" + port + "/", words[5], words[7], words[1].replace(",", ""));
    }

    static TaxiiClient api(Started n) {
        return TaxiiClient.bearer(n.url(), TOKEN);
    }

    static void call(Started n, String method, String path, String json) {
        TaxiiClient.Response r = api(n).send(api(n).request(path).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
        assertThat(r.status()).as(method + " " + path + ": " + r.text()).isLessThan(300);
    }

    @Test
    void aNodeKilledMidSyncCatchesUpExactlyOnce() throws Exception {
        int portA = freePort();
        int portB = freePort();
        Started a = serve("a", portA);
        Started b = serve("b", portB);
        call(a, "POST", "/api/v1/peers", "{\"url\":\"" + b.federationUrl() + "\",\"fingerprint\":\"" + b.fingerprint() + "\"}");
        call(b, "POST", "/api/v1/peers", "{\"url\":\"" + a.federationUrl() + "\",\"fingerprint\":\"" + a.fingerprint() + "\"}");
        String charter = "{\"members\":[\"" + a.member() + "\",\"" + b.member() + "\"],\"highest_tlp\":\"amber\"}";
        call(a, "PUT", "/api/v1/communities/pair", charter);
        call(b, "PUT", "/api/v1/communities/pair", charter);

        // A holds the peer paused while it shares (storing a share takes longer than syncing it), so that
        // the sync starts with all twenty envelopes waiting and the kill below lands in its middle.
        call(a, "POST", "/api/v1/peers/" + b.member() + "/pause", "{}");
        int perShare = 20_000;
        int shares = 2;
        int count = perShare * shares;
        for (int s = 0; s < shares; s++) {
            List<Object> objects = new ArrayList<>();
            for (int i = 0; i < perShare; i++) {
                objects.add(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z"));
            }
            String share = StixJson.writeString(StixJson.object("objects", objects, "to",
                    Map.of("communities", List.of("pair")), "tlp", "green", "domain", "cyber"));
            call(a, "POST", "/api/v1/share", share);
        }
        call(a, "POST", "/api/v1/peers/" + b.member() + "/resume", "{}");

        // Kill B as soon as the first envelopes have arrived, while more are on their way.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> countOn(b) > 0);
        b.process().destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        long atKill = pending(a, b.member());

        Started again = serve("b", portB);
        await().atMost(Duration.ofSeconds(180)).until(() -> pending(a, again.member()) == 0 && countOn(again) == count);
        assertThat(versionsOn(again)).as("each object stored once").isEqualTo(count);
        assertThat(atKill).as("envelopes were still waiting when the node was killed").isPositive();
    }

    static long countOn(Started n) {
        return manifestSize(n, Map.of());
    }

    static long versionsOn(Started n) {
        return manifestSize(n, Map.of("match[version]", "all"));
    }

    /** Entries of the pair community's manifest on the node, page by page (TAXII 2.1 section 3.4: next/more). */
    static long manifestSize(Started n, Map<String, String> filters) {
        long size = 0;
        String next = null;
        do {
            Map<String, String> query = new java.util.HashMap<>(filters);
            query.put("limit", "10000");
            if (next != null) query.put("next", next);
            TaxiiClient.Response r = api(n).get("/taxii2/node/collections/c-pair/manifest/", query);
            if (r.status() == 404) return 0;
            Object objects = r.json().get("objects");
            size += objects == null ? 0 : ((List<?>) objects).size();
            next = Boolean.TRUE.equals(r.json().get("more")) ? (String) r.json().get("next") : null;
        } while (next != null);
        return size;
    }

    @SuppressWarnings("unchecked")
    static long pending(Started at, String member) {
        List<Map<String, Object>> peers = (List<Map<String, Object>>) api(at).get("/api/v1/peers").json().get("peers");
        return peers.stream().filter(p -> p.get("member").equals(member)).mapToLong(p -> ((Number) p.get("pending")).longValue())
                .findFirst().orElseThrow();
    }

    static int freePort() throws IOException {
        while (true) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // the federation port beside it is in use: try another pair
            }
        }
    }
}
