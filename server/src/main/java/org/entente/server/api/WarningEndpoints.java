package org.entente.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.entente.core.cap.codec.CapXml;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.access.Principal;
import org.entente.server.warn.WarningJson;
import org.entente.server.warn.Warnings;
import org.entente.store.AddressedWarning;
import org.entente.store.Store;
import org.entente.store.WebhookSubscription;

/**
 * Warnings under {@code /api/v1/warnings}: the list, one warning (JSON, or its CAP alert as
 * {@code application/cap+xml}), acknowledgement, the Server-Sent Events stream and webhook subscriptions.
 * A user acts for this node's member and sees that member's view of each warning; an admin may name
 * another member with {@code ?member=} (an operator relaying a partner's acknowledgement). A warning not
 * addressed to the member does not exist for it.
 */
final class WarningEndpoints {
    private static final int MIN_SECRET = 16;

    private final ApiGate gate;
    private final Store store;
    private final Warnings warnings;

    private WarningEndpoints(ApiGate gate, Store store, Warnings warnings) {
        this.gate = gate;
        this.store = store;
        this.warnings = warnings;
    }

    static void register(RoutesConfig routes, ApiGate gate, Store store, Warnings warnings) {
        WarningEndpoints w = new WarningEndpoints(gate, store, warnings);
        String base = ApiRoutes.BASE + "/warnings";
        routes.get(base, w::list);
        routes.get(base + "/stream", w::stream);
        routes.get(base + "/subscriptions", w::subscriptions);
        routes.post(base + "/subscriptions", w::subscribe);
        routes.delete(base + "/subscriptions/{subscription}", w::unsubscribe);
        routes.get(base + "/{id}", w::one);
        routes.get(base + "/{id}/cap", w::cap);
        routes.post(base + "/{id}/ack", w::acknowledge);
    }

    void list(Context ctx) {
        MemberId member = member(ctx, gate.enter(ctx));
        boolean unacknowledged = "true".equals(ctx.queryParam("unacknowledged"));
        List<Map<String, Object>> views = warnings.addressedTo(member, unacknowledged).stream().map(WarningJson::view).toList();
        ApiResponse.json(ctx, 200, StixJson.object("warnings", views));
    }

    void one(Context ctx) {
        ApiResponse.json(ctx, 200, WarningJson.view(find(ctx, member(ctx, gate.enter(ctx)))));
    }

    void cap(Context ctx) {
        AddressedWarning warning = find(ctx, member(ctx, gate.enter(ctx)));
        ctx.status(200).contentType(CapXml.MEDIA_TYPE).result(warning.recipient().cap());
    }

    void acknowledge(Context ctx) {
        Principal principal = gate.enter(ctx);
        MemberId member = member(ctx, principal);
        String id = ctx.pathParam("id");
        if (!warnings.acknowledge(id, member, principal.name())) throw notFound(id);
        ApiResponse.json(ctx, 200, WarningJson.view(find(ctx, member)));
    }

    /** Authenticated before the stream opens, so that a refusal is an ordinary 401 or 403. */
    void stream(Context ctx) throws Exception {
        MemberId member = member(ctx, gate.enter(ctx));
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiProblem(406, "Not acceptable", "this is a Server-Sent Events stream: send Accept: text/event-stream");
        }
        new SseHandler(client -> warnings.connect(client, member)).handle(ctx);
    }

    void subscriptions(Context ctx) {
        gate.admin(gate.enter(ctx));
        List<Map<String, Object>> subscriptions = warnings.subscriptions().stream().map(WarningEndpoints::json).toList();
        ApiResponse.json(ctx, 200, StixJson.object("subscriptions", subscriptions));
    }

    void subscribe(Context ctx) {
        Principal principal = gate.enter(ctx);
        gate.admin(principal);
        Map<String, Object> body = ApiRequest.jsonBody(ctx);
        MemberId member = body.containsKey("member") ? memberId(body.get("member")) : local();
        String url = text(body, "url");
        String secret = text(body, "secret");
        checkUrl(url);
        if (secret.length() < MIN_SECRET) throw ApiProblem.badRequest("secret must have at least " + MIN_SECRET + " characters");
        ApiResponse.json(ctx, 201, json(warnings.subscribe(member, url, secret)));
    }

    void unsubscribe(Context ctx) {
        gate.admin(gate.enter(ctx));
        String raw = ctx.pathParam("subscription");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("no subscription '" + raw + "'");
        }
        if (!warnings.unsubscribe(id)) throw ApiProblem.notFound("no subscription '" + raw + "'");
        ctx.status(204);
    }

    /** The secret is never shown again once set. */
    private static Map<String, Object> json(WebhookSubscription s) {
        return StixJson.object("id", s.id(), "member", s.member().value(), "url", s.url(), "created", s.created().toString());
    }

    private AddressedWarning find(Context ctx, MemberId member) {
        String id = ctx.pathParam("id");
        return warnings.addressed(id, member).orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("no warning '" + id + "'");
    }

    private MemberId member(Context ctx, Principal principal) {
        String named = ctx.queryParam("member");
        if (named == null) return local();
        gate.admin(principal);
        return memberId(named);
    }

    private MemberId local() {
        return store.members().local().map(Member::id)
                .orElseThrow(() -> new ApiProblem(409, "Conflict", "this node has no member identity yet"));
    }

    private static MemberId memberId(Object value) {
        try {
            return new MemberId(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (!(value instanceof String s) || s.isBlank()) throw ApiProblem.badRequest(field + " is required and must be a string");
        return s;
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw ApiProblem.badRequest("url must be an absolute http or https URL, not '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("url is not a URL: " + e.getMessage());
        }
    }
}
