package org.entente.server.api;

import io.javalin.config.RoutesConfig;
import org.entente.server.access.Authenticator;
import org.entente.server.access.MemberWrites;
import org.entente.server.access.VisibleObjects;
import org.entente.server.detect.ObservationIntake;
import org.entente.server.federation.Federation;
import org.entente.server.index.Correlation;
import org.entente.server.ingest.Ingest;
import org.entente.server.warn.Warnings;
import org.entente.store.Store;

/** The REST API of a node under {@code /api/v1/}. */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";

    private ApiRoutes() {}

    public static void register(RoutesConfig routes, Store store, Authenticator authenticator, Ingest ingest, Federation federation,
            Correlation correlation, Warnings warnings, ObservationIntake observations) {
        ApiGate gate = new ApiGate(authenticator);
        ShareEndpoints share = new ShareEndpoints(gate, federation.sharing(), new VisibleObjects(store), new MemberWrites(store, ingest));
        PeerEndpoints peers = new PeerEndpoints(gate, store, federation);
        byte[] openApi = OpenApiDocument.load();
        routes.get(BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        routes.get(BASE + "/node", peers::node);
        routes.get(BASE + "/peers", peers::list);
        routes.post(BASE + "/peers", peers::add);
        routes.delete(BASE + "/peers/{member}", peers::remove);
        routes.post(BASE + "/peers/{member}/pause", peers::pause);
        routes.post(BASE + "/peers/{member}/resume", peers::resume);
        routes.post(BASE + "/share", share::share);
        CommunityEndpoints communities = new CommunityEndpoints(gate, store);
        routes.get(BASE + "/members", communities::members);
        routes.get(BASE + "/communities", communities::list);
        routes.get(BASE + "/communities/{name}", communities::one);
        routes.put(BASE + "/communities/{name}", communities::put);
        routes.delete(BASE + "/communities/{name}", communities::delete);
        routes.get(BASE + "/objects", new SearchEndpoints(gate, authenticator, store)::search);
        WarningEndpoints.register(routes, gate, store, warnings);
        ObservationEndpoints.register(routes, gate, observations);
        // Callers act for their bound (hosted) member, else for this node's member.
        CorrelationEndpoints.register(routes, gate, correlation,
                principal -> principal.member().orElse(federation.identity().member()));
        routes.exception(ApiProblem.class, (e, ctx) -> ApiResponse.problem(ctx, e.status(), e.title(), e.getMessage()));
    }
}
