package org.entente.server.api;

import io.javalin.http.Context;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;

/** Writing REST responses and RFC 9457 problem documents. */
public final class ApiResponse {
    private ApiResponse() {}

    static void json(Context ctx, int status, Map<String, Object> body) {
        ctx.status(status).contentType("application/json").result(StixJson.write(body));
    }

    public static void problem(Context ctx, int status, String title, String detail) {
        ctx.status(status).contentType("application/problem+json").result(StixJson.write(StixJson.object(
                "type", "about:blank", "title", title, "status", status, "detail", detail)));
    }
}
