package org.entente.server.api;

import io.javalin.http.Context;
import org.entente.server.access.Authenticator;
import org.entente.server.access.Principal;

/** Authentication and the admin check for the REST API. */
final class ApiGate {
    private final Authenticator authenticator;

    ApiGate(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    Principal enter(Context ctx) {
        Principal principal = authenticator.authenticate(ctx.header("Authorization"));
        ctx.attribute("entente.principal", principal.name());
        return principal;
    }

    void admin(Principal principal) {
        if (!principal.admin()) throw ApiProblem.forbidden("this operation takes an admin of this node");
    }
}
