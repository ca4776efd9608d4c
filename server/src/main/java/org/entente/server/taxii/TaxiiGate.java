package org.entente.server.taxii;

import io.javalin.http.Context;
import org.entente.server.access.Authenticator;
import org.entente.server.access.Principal;
import org.entente.server.access.Viewer;
import org.entente.server.access.VisibleObjects;
import org.entente.store.CollectionInfo;
import org.entente.store.CollectionStore;
import org.entente.store.Rights;

/**
 * The checks every TAXII request passes, in the order the specification implies: media type, then
 * credentials, then API root, then the collection and the principal's rights on it.
 *
 * <p>A collection the principal has no right on at all is answered as not found: its existence is
 * itself information. A collection it may read but not write (or the reverse) is answered 403.
 */
final class TaxiiGate {
    static final String PRINCIPAL = "entente.principal";

    private final Authenticator authenticator;
    private final CollectionStore collections;
    private final ApiRoots roots;
    private final VisibleObjects visible;

    TaxiiGate(Authenticator authenticator, CollectionStore collections, ApiRoots roots, VisibleObjects visible) {
        this.authenticator = authenticator;
        this.collections = collections;
        this.roots = roots;
        this.visible = visible;
    }

    VisibleObjects visible() {
        return visible;
    }

    /** Whose view of the objects the principal reads with. */
    Viewer viewer(Principal principal) {
        return visible.viewerOf(principal);
    }

    ApiRoots roots() {
        return roots;
    }

    /** Checks Accept and credentials; returns who is asking. */
    Principal enter(Context ctx) {
        if (!TaxiiMediaType.accepts(ctx.header("Accept"))) {
            throw new TaxiiException(406, "Not acceptable",
                    "this server answers with " + TaxiiMediaType.TAXII + "; the Accept header does not allow it");
        }
        Principal principal = authenticator.authenticate(ctx.header("Authorization"));
        ctx.attribute(PRINCIPAL, principal.name());
        return principal;
    }

    /** The API root named in the path, if the principal sees it. */
    ApiRoot apiRoot(Context ctx, Principal principal) {
        String name = ctx.pathParam("root");
        return roots.find(name, viewer(principal)).orElseThrow(() -> TaxiiException.notFound("API root '" + name + "' not found"));
    }

    Rights rights(Principal principal, CollectionInfo collection) {
        return authenticator.rights(principal, collection.id());
    }

    /** The collection in the path, if the principal has any right on it. */
    CollectionInfo collection(Context ctx, Principal principal) {
        ApiRoot root = apiRoot(ctx, principal);
        String key = ctx.pathParam("collection");
        CollectionInfo collection = collections.find(key).orElse(null);
        if (collection == null || !root.holds(collection) || rights(principal, collection).equals(Rights.NONE)) {
            throw TaxiiException.notFound("collection '" + key + "' not found");
        }
        return collection;
    }

    CollectionInfo readable(Context ctx, Principal principal) {
        CollectionInfo collection = collection(ctx, principal);
        if (!rights(principal, collection).read()) {
            throw TaxiiException.forbidden("no right to read collection '" + collection.id() + "'");
        }
        return collection;
    }

    CollectionInfo writable(Context ctx, Principal principal) {
        CollectionInfo collection = collection(ctx, principal);
        if (!rights(principal, collection).write()) {
            throw TaxiiException.forbidden("no right to write to collection '" + collection.id() + "'");
        }
        return collection;
    }
}
