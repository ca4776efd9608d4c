package org.entente.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.entente.core.observable.EntenteExtensions;
import org.entente.core.observable.Observable;
import org.entente.core.observable.ObservableKind;
import org.entente.core.observable.Observables;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.access.Principal;
import org.entente.server.index.Cluster;
import org.entente.server.index.Correlation;
import org.entente.server.index.Holding;
import org.entente.server.index.Neighbourhood;

/**
 * Correlation: {@code GET /api/v1/correlation/observables?type=&value=} (who else has this),
 * {@code GET /api/v1/correlation/objects/{id}/neighbourhood?depth=} (what is linked to it) and
 * {@code GET /api/v1/correlation/clusters?k=&window=} (observables seen in at least k countries within the
 * window). Each answers for the member the caller acts for, through the sharing policy; an object the
 * member may not see is "not found", exactly like one that does not exist.
 */
final class CorrelationEndpoints {
    static final int DEFAULT_K = 3;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    static final Duration MAX_WINDOW = Duration.ofDays(3660);

    private final ApiGate gate;
    private final Correlation correlation;
    private final Function<Principal, MemberId> askingMember;

    private CorrelationEndpoints(ApiGate gate, Correlation correlation, Function<Principal, MemberId> askingMember) {
        this.gate = gate;
        this.correlation = correlation;
        this.askingMember = askingMember;
    }

    /** {@code askingMember} names the member a caller acts for; every answer is filtered for it. */
    static void register(RoutesConfig routes, ApiGate gate, Correlation correlation, Function<Principal, MemberId> askingMember) {
        CorrelationEndpoints endpoints = new CorrelationEndpoints(gate, correlation, askingMember);
        routes.get(ApiRoutes.BASE + "/correlation/observables", endpoints::holders);
        routes.get(ApiRoutes.BASE + "/correlation/objects/{id}/neighbourhood", endpoints::neighbourhood);
        routes.get(ApiRoutes.BASE + "/correlation/clusters", endpoints::clusters);
    }

    void holders(Context ctx) {
        MemberId asking = askingMember.apply(gate.enter(ctx));
        Observable observable = observable(required(ctx, "type"), required(ctx, "value"));
        var holders = correlation.holders(asking, observable);
        ApiResponse.json(ctx, 200, StixJson.object(
                "observable", observableJson(observable),
                "members", holders.members().stream().map(MemberId::value).toList(),
                "countries", List.copyOf(holders.countries()),
                "objects", holders.holdings().stream().map(CorrelationEndpoints::holdingJson).toList()));
    }

    void neighbourhood(Context ctx) {
        MemberId asking = askingMember.apply(gate.enter(ctx));
        String id = ctx.pathParam("id");
        int depth = integer(ctx, "depth", 1, 1, Correlation.MAX_DEPTH);
        Neighbourhood n = correlation.neighbourhood(asking, id, depth)
                .orElseThrow(() -> ApiProblem.notFound("no indexed object '" + id + "'"));
        ApiResponse.json(ctx, 200, StixJson.object(
                "root", n.root(),
                "depth", depth,
                "objects", n.objects().stream().map(o -> StixJson.object("id", o.id(), "type", o.type(), "depth", o.depth())).toList(),
                "edges", n.edges().stream().map(e -> StixJson.object(
                        "from", e.from(), "to", e.to(),
                        "kind", e.via().isPresent() ? "observable" : "reference",
                        "observable", e.via().map(CorrelationEndpoints::observableJson).orElse(null))).toList(),
                "truncated", n.truncated()));
    }

    void clusters(Context ctx) {
        MemberId asking = askingMember.apply(gate.enter(ctx));
        int k = integer(ctx, "k", DEFAULT_K, 1, 250);
        Duration window = window(ctx.queryParam("window"));
        List<Cluster> clusters = correlation.clusters(asking, k, window);
        ApiResponse.json(ctx, 200, StixJson.object(
                "k", k,
                "window", window.toString(),
                "clusters", clusters.stream().map(c -> StixJson.object(
                        "observable", observableJson(c.observable()),
                        "countries", List.copyOf(c.countries()),
                        "members", c.holdings().stream().map(h -> h.member().value()).distinct().sorted().toList(),
                        "objects", c.holdings().stream().map(CorrelationEndpoints::holdingJson).toList())).toList()));
    }

    /** A kind label ({@code phone-number}, {@code file:hashes.SHA-256}) or an Entente fraud SCO type, and its value normalised. */
    static Observable observable(String type, String value) {
        ObservableKind kind = ObservableKind.ofLabel(type).or(() -> Optional.ofNullable(switch (type) {
                    case EntenteExtensions.PHONE_NUMBER -> ObservableKind.PHONE_NUMBER;
                    case EntenteExtensions.BANK_ACCOUNT -> ObservableKind.BANK_ACCOUNT;
                    case EntenteExtensions.PAYMENT_CARD -> ObservableKind.PAYMENT_CARD;
                    case EntenteExtensions.CRYPTO_WALLET -> ObservableKind.CRYPTOCURRENCY_WALLET;
                    default -> null;
                }))
                .orElseThrow(() -> ApiProblem.badRequest("type '" + type + "' is not an observable type; use one of domain-name, url, "
                        + "ipv4-addr, ipv6-addr, email-addr, phone-number, bank-account, payment-card, cryptocurrency-wallet, "
                        + "file:hashes.<algorithm> (such as file:hashes.SHA-256)"));
        try {
            return Observables.normalise(kind, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("value: " + e.getMessage());
        }
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw ApiProblem.badRequest("query parameter '" + name + "' is required");
        return v;
    }

    private static int integer(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("query parameter '" + name + "' must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    private static Duration window(String text) {
        if (text == null) return DEFAULT_WINDOW;
        try {
            Duration d = Duration.parse(text);
            if (!d.isNegative() && !d.isZero() && d.compareTo(MAX_WINDOW) <= 0) return d;
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiProblem.badRequest("query parameter 'window' must be an ISO 8601 duration such as P7D or PT12H, "
                + "positive and at most P3660D, not '" + text + "'");
    }

    private static Map<String, Object> observableJson(Observable o) {
        return StixJson.object("type", o.kind().label(), "value", o.value());
    }

    private static Map<String, Object> holdingJson(Holding h) {
        return StixJson.object("id", h.objectId(), "type", h.objectType(), "member", h.member().value(),
                "country", h.country().orElse(null), "seen", h.seen().toString());
    }
}
