package org.entente.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.detect.Detector;
import org.entente.server.detect.HeldIndicators;
import org.entente.server.detect.ObservationIntake;
import org.entente.server.detect.ObservationSummary;
import org.entente.server.share.SightingShares;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code entente observe FILE}: matches a file of observations (JSON lines, the format of
 * {@code POST /api/v1/observations}) against the indicators a node holds; only hits are stored, as sightings.
 * On a node's data directory it works on the store directly (a running node picks the sightings up and
 * warns); with {@code --url} it streams the file to a running node. Exit 0: every line read; 1: some lines
 * refused; 2: the file or the node could not be used.
 */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = "Match observations (JSON lines) against the node's indicators; store only the matches, as sightings.")
final class ObserveCommand implements Callable<Integer> {
    private static final int SHOWN_ERRORS = 20;

    @Mixin
    StoreOptions store;

    @Mixin
    MemberOptions member;

    @Parameters(paramLabel = "FILE", description = "Observations, one JSON object a line.")
    Path file;

    @Option(names = "--format", defaultValue = "ndjson", description = "Format of FILE; only ndjson (JSON lines). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--url", paramLabel = "URL", description = "A running node's base URL (http://host:port/): stream FILE to it instead.")
    URI url;

    @Option(names = "--token-env", paramLabel = "VAR", defaultValue = "ENTENTE_ADMIN_TOKEN",
            description = "Environment variable holding the node's admin token (with --url). Default: ${DEFAULT-VALUE}.")
    String tokenVariable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("ndjson")) {
            err.println("entente observe: format '" + format + "' is not supported; use ndjson (one JSON object a line)");
            return 2;
        }
        if (!Files.isReadable(file)) {
            err.println("entente observe: cannot read " + file);
            return 2;
        }
        return url == null ? local(out) : remote(out, err);
    }

    private int local(PrintWriter out) throws IOException {
        try (LocalNode node = LocalNode.open(store, member); InputStream in = Files.newInputStream(file)) {
            Clock clock = Clock.systemUTC();
            HeldIndicators indicators = new HeldIndicators();
            // Only the indicators are read here; matching what is stored stays with the node's own detect stage.
            new Detector(node.store(), node.identity().member(), indicators, batch -> { }, Detector.DEFAULT_BATCH, clock)
                    .loadIndicators();
            ObservationIntake intake = new ObservationIntake(node.store(), node.identity().member(), indicators,
                    new SightingShares(node.sharing()), clock);
            ObservationSummary summary = intake.take(in, Long.MAX_VALUE);
            out.printf("%s: %d lines: %d matched, %d rejected; %d sightings stored (%d indicators held)%n",
                    file, summary.lines(), summary.matched(), summary.rejected(), summary.sightings().size(), indicators.size());
            summary.errors().stream().limit(SHOWN_ERRORS).forEach(e -> out.printf("  line %d: %s%n", e.line(), e.problem()));
            if (summary.rejected() > SHOWN_ERRORS) out.printf("  … and %d more rejected%n", summary.rejected() - SHOWN_ERRORS);
            return summary.rejected() > 0 ? 1 : 0;
        }
    }

    private int remote(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        String token = System.getenv(tokenVariable);
        if (token == null || token.isBlank()) {
            err.println("entente observe: environment variable " + tokenVariable + " is not set");
            return 2;
        }
        HttpRequest request = HttpRequest.newBuilder(url.resolve("api/v1/observations"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("entente observe: " + url + " did not answer: " + e.getMessage());
            return 2;
        }
        out.println(response.body());
        if (response.statusCode() != 200) return 2;
        Object summary = StixJson.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        return summary instanceof Map<?, ?> m && m.get("rejected") instanceof Number n && n.longValue() == 0 ? 0 : 1;
    }
}
