package org.entente.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.server.testing.TaxiiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged node, started as a user starts it: a separate process from the runnable jar. */
class ServeProcessIT {
    private static final Pattern URL = Pattern.compile("serving at (http://\\S+/)");
    private static final Pattern TOKEN = Pattern.compile("admin token \\(shown once.*\\): (\\S+)");

    @TempDir
    Path data;

    record Started(Process process, String url, List<String> lines) {}

    Started serve(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-jar", System.getProperty("entente.jar"), "serve", "--data", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("ENTENTE_ADMIN_TOKEN");
        builder.environment().putAll(env);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("admin token")) break;
        }
        Matcher url = lines.stream().map(URL::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no URL printed: " + lines));
        return new Started(process, url.group(1), lines);
    }

    @Test
    void serveDemoPrintsItsUrlAndTokenAndServesTheDemoCollection() throws Exception {
        Started node = serve(Map.of(), "--demo", "--port", "0");
        try {
            String token = node.lines().stream().map(TOKEN::matcher).filter(Matcher::find).findFirst()
                    .orElseThrow(() -> new AssertionError("no token printed: " + node.lines())).group(1);
            TaxiiClient taxii = TaxiiClient.bearer(node.url(), token);
            TaxiiClient.Response r = taxii.get("/taxii2/node/collections/default/objects/", Map.of("match[type]", "campaign"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("Parcel Lure");
        } finally {
            stop(node.process());
        }
    }

    @Test
    void theAdminTokenComesFromTheEnvironmentAndTheNodeStopsCleanly() throws Exception {
        Started node = serve(Map.of("ENTENTE_ADMIN_TOKEN", "token-from-env"), "--port", "0");
        TaxiiClient taxii = TaxiiClient.bearer(node.url(), "token-from-env");
        assertThat(taxii.get("/taxii2/").status()).isEqualTo(200);
        assertThat(node.lines()).anyMatch(l -> l.contains("from ENTENTE_ADMIN_TOKEN"));
        int exit = stop(node.process());
        // SIGTERM runs the shutdown hook: 143 is the JVM's exit status for it.
        assertThat(exit).isIn(0, 143);
    }

    private static int stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }
}
