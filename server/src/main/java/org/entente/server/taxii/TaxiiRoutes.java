package org.entente.server.taxii;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.entente.server.access.Authenticator;
import org.entente.server.access.MemberWrites;
import org.entente.server.access.VisibleObjects;
import org.entente.server.ingest.Ingest;
import org.entente.server.share.CommunityPosts;
import org.entente.store.Store;

/** The TAXII 2.1 server of a node: every endpoint of sections 4 and 5 under {@code /taxii2/}. */
public final class TaxiiRoutes {
    public static final String BASE = "/taxii2";

    private TaxiiRoutes() {}

    public static void register(RoutesConfig routes, Store store, Authenticator authenticator, Ingest ingest,
                                CommunityPosts posts, ApiRoot root, String title, long maxContentLength, Clock clock) {
        TaxiiGate gate = new TaxiiGate(authenticator, store.collections(), new ApiRoots(root, store.communities(), store.members()),
                new VisibleObjects(store));
        DiscoveryEndpoints discovery = new DiscoveryEndpoints(gate, store.statuses(), title, maxContentLength);
        CollectionEndpoints collections = new CollectionEndpoints(gate, store.collections());
        ObjectEndpoints objects = new ObjectEndpoints(gate, store.objects(), store.statuses(), ingest,
                new MemberWrites(store, ingest), posts, maxContentLength, clock);

        String rootPath = BASE + "/{root}";
        String collection = rootPath + "/collections/{collection}";
        routes.get(BASE + "/", discovery::discovery);
        routes.get(rootPath + "/", discovery::apiRoot);
        routes.get(rootPath + "/status/{statusId}/", discovery::status);
        routes.get(rootPath + "/collections/", collections::list);
        routes.get(collection + "/", collections::one);
        routes.get(collection + "/manifest/", objects::manifest);
        routes.get(collection + "/objects/", objects::list);
        routes.post(collection + "/objects/", objects::add);
        routes.get(collection + "/objects/{objectId}/", objects::one);
        routes.delete(collection + "/objects/{objectId}/", objects::delete);
        routes.get(collection + "/objects/{objectId}/versions/", objects::versions);
    }
}
