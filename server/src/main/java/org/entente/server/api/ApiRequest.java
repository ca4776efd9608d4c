package org.entente.server.api;

import io.javalin.http.Context;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;

/** Reading REST request bodies: JSON objects only, malformed input named with its position. */
final class ApiRequest {
    private ApiRequest() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(415, "Unsupported media type", "send application/json, not " + (type == null ? "no Content-Type" : type));
        }
        Object tree;
        try {
            tree = StixJson.readTree(ctx.bodyAsBytes());
        } catch (StixParseException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        if (!(tree instanceof Map<?, ?>)) throw ApiProblem.badRequest("the body must be a JSON object");
        return (Map<String, Object>) tree;
    }
}
