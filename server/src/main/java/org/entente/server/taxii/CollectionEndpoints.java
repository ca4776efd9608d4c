package org.entente.server.taxii;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.access.Principal;
import org.entente.store.CollectionInfo;
import org.entente.store.CollectionStore;
import org.entente.store.Rights;

/** The collections resource (section 5.1) and one collection (5.2), showing only what the principal may use. */
final class CollectionEndpoints {
    private final TaxiiGate gate;
    private final CollectionStore collections;

    CollectionEndpoints(TaxiiGate gate, CollectionStore collections) {
        this.gate = gate;
        this.collections = collections;
    }

    void list(Context ctx) {
        Principal principal = gate.enter(ctx);
        ApiRoot root = gate.apiRoot(ctx, principal);
        List<Map<String, Object>> visible = collections.list().stream()
                .filter(root::holds)
                .map(c -> describe(c, gate.rights(principal, c)))
                .filter(m -> m != null)
                .toList();
        TaxiiResponse.json(ctx, 200, visible.isEmpty() ? StixJson.object() : StixJson.object("collections", visible));
    }

    void one(Context ctx) {
        Principal principal = gate.enter(ctx);
        CollectionInfo collection = gate.collection(ctx, principal);
        TaxiiResponse.json(ctx, 200, describe(collection, gate.rights(principal, collection)));
    }

    private static Map<String, Object> describe(CollectionInfo c, Rights rights) {
        if (rights.equals(Rights.NONE)) return null;
        return StixJson.object(
                "id", c.id(),
                "title", c.title(),
                "description", c.description().isEmpty() ? null : c.description(),
                "alias", c.alias(),
                "can_read", rights.read(),
                "can_write", rights.write(),
                "media_types", List.of(TaxiiMediaType.STIX));
    }
}
