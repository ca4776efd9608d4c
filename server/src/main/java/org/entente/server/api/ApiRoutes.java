package org.entente.server.api;

import io.javalin.config.RoutesConfig;
import org.entente.server.access.Authenticator;
import org.entente.store.Store;

/** The REST API of a node under {@code /api/v1/}. */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";

    private ApiRoutes() {}

    public static void register(RoutesConfig routes, Store store, Authenticator authenticator) {
        ApiGate gate = new ApiGate(authenticator);
        CommunityEndpoints communities = new CommunityEndpoints(gate, store);
        routes.get(BASE + "/members", communities::members);
        routes.get(BASE + "/communities", communities::list);
        routes.get(BASE + "/communities/{name}", communities::one);
        routes.put(BASE + "/communities/{name}", communities::put);
        routes.delete(BASE + "/communities/{name}", communities::delete);
        routes.exception(ApiProblem.class, (e, ctx) -> ApiResponse.problem(ctx, e.status(), e.title(), e.getMessage()));
    }
}
