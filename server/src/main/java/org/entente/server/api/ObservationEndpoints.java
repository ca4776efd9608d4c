package org.entente.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.detect.ObservationIntake;
import org.entente.server.detect.ObservationSummary;

/**
 * {@code POST /api/v1/observations}: a stream of observations as JSON lines ({@code application/x-ndjson}),
 * read as it arrives (never buffered whole), matched against the indicators this node holds; only hits are
 * stored, as sightings. The answer sums up: lines read, matched, rejected, the first refusals by line number,
 * the sightings stored. A stream over the size limit is read up to it and answered 413 with that summary.
 */
final class ObservationEndpoints {
    /** The largest stream taken in one request. */
    static final long MAX_BYTES = 1L << 30;
    private static final Set<String> MEDIA_TYPES = Set.of("application/x-ndjson", "application/jsonl", "application/json-lines");

    private final ApiGate gate;
    private final ObservationIntake intake;
    private final long maxBytes;

    private ObservationEndpoints(ApiGate gate, ObservationIntake intake, long maxBytes) {
        this.gate = gate;
        this.intake = intake;
        this.maxBytes = maxBytes;
    }

    static void register(RoutesConfig routes, ApiGate gate, ObservationIntake intake) {
        routes.post(ApiRoutes.BASE + "/observations", new ObservationEndpoints(gate, intake, MAX_BYTES)::observe);
    }

    void observe(Context ctx) throws IOException {
        gate.admin(gate.enter(ctx));
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(type)) {
            throw new ApiProblem(415, "Unsupported media type",
                    "send observations as application/x-ndjson (one JSON object a line), not " + (type.isEmpty() ? "no Content-Type" : type));
        }
        ObservationSummary summary = intake.take(ctx.req().getInputStream(), maxBytes);
        ApiResponse.json(ctx, summary.truncated() ? 413 : 200, StixJson.object(
                "lines", summary.lines(),
                "matched", summary.matched(),
                "rejected", summary.rejected(),
                "errors", summary.errors().stream().map(e -> StixJson.object("line", e.line(), "problem", e.problem())).toList(),
                "sightings", summary.sightings(),
                "truncated", summary.truncated(),
                "detail", summary.truncated() ? "the stream is longer than " + maxBytes + " bytes: lines after the limit were not read" : null));
    }
}
