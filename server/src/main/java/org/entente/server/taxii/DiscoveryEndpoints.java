package org.entente.server.taxii;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.access.Principal;
import org.entente.store.StatusRecord;
import org.entente.store.StatusStore;

/** Server discovery (section 4.1), API root information (4.2) and status resources (4.3). */
final class DiscoveryEndpoints {
    private final TaxiiGate gate;
    private final StatusStore statuses;
    private final String title;
    private final long maxContentLength;

    DiscoveryEndpoints(TaxiiGate gate, StatusStore statuses, String title, long maxContentLength) {
        this.gate = gate;
        this.statuses = statuses;
        this.title = title;
        this.maxContentLength = maxContentLength;
    }

    void discovery(Context ctx) {
        Principal principal = gate.enter(ctx);
        TaxiiResponse.json(ctx, 200, StixJson.object(
                "title", title,
                "description", "Entente node: STIX 2.1 over TAXII 2.1; one API root per community of this member",
                "default", rootUrl(ctx, gate.roots().nodeRoot()),
                "api_roots", gate.roots().all(gate.viewer(principal)).stream().map(r -> rootUrl(ctx, r)).toList()));
    }

    void apiRoot(Context ctx) {
        ApiRoot root = gate.apiRoot(ctx, gate.enter(ctx));
        TaxiiResponse.json(ctx, 200, StixJson.object(
                "title", root.title(),
                "description", root.description(),
                "versions", List.of(TaxiiMediaType.TAXII),
                "max_content_length", maxContentLength));
    }

    void status(Context ctx) {
        Principal principal = gate.enter(ctx);
        gate.apiRoot(ctx, principal);
        String id = ctx.pathParam("statusId");
        StatusRecord status = statuses.find(id)
                // Another user's status is none of this user's business, not even its existence.
                .filter(s -> principal.admin() || principal.name().equals(s.owner()))
                .orElseThrow(() -> TaxiiException.notFound("status '" + id + "' not found"));
        TaxiiResponse.json(ctx, 200, body(status));
    }

    static Map<String, Object> body(StatusRecord status) {
        return StixJson.object(
                "id", status.id(),
                "status", status.status(),
                "request_timestamp", TaxiiTime.dateAdded(status.requestTimestamp()),
                "total_count", status.totalCount(),
                "success_count", status.successes().size(),
                "successes", details(status.successes()),
                "failure_count", status.failures().size(),
                "failures", details(status.failures()),
                "pending_count", status.pendings().size(),
                "pendings", details(status.pendings()));
    }

    private static List<Map<String, Object>> details(List<StatusRecord.Detail> details) {
        return details.stream()
                .map(d -> StixJson.object("id", d.id(), "version", d.version(), "message", d.message()))
                .toList();
    }

    private static String rootUrl(Context ctx, ApiRoot root) {
        return ctx.scheme() + "://" + ctx.host() + "/taxii2/" + root.name() + "/";
    }
}
