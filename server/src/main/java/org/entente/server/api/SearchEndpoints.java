package org.entente.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.core.policy.Community;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.access.Authenticator;
import org.entente.server.access.Principal;
import org.entente.server.access.Viewer;
import org.entente.server.access.VisibleObjects;
import org.entente.server.share.Channels;
import org.entente.store.CollectionInfo;
import org.entente.store.Page;
import org.entente.store.StoredVersion;
import org.entente.store.Store;

/**
 * {@code GET /api/v1/objects?q=&type=&community=&limit=&next=}: the newest version of each stored object
 * that matches the text (see {@link SearchTerms}), in the collections the user may read (or the one
 * collection of a community), and that the sharing policy lets the user's member see. Every parameter is
 * checked; a bad one is a 400 naming it.
 */
final class SearchEndpoints {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1_000;
    private static final Set<String> PARAMETERS = Set.of("q", "type", "community", "limit", "next");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,249}");

    private final ApiGate gate;
    private final Authenticator authenticator;
    private final VisibleObjects visible;
    private final Store store;
    private final CommunityVisibility communities;

    SearchEndpoints(ApiGate gate, Authenticator authenticator, Store store) {
        this.gate = gate;
        this.authenticator = authenticator;
        this.visible = new VisibleObjects(store);
        this.store = store;
        this.communities = new CommunityVisibility(store);
    }

    void search(Context ctx) {
        Principal principal = gate.enter(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (!PARAMETERS.contains(p.getKey())) {
                throw ApiProblem.badRequest("unknown parameter '" + p.getKey() + "'; this endpoint takes q, type, community, limit and next");
            }
            if (p.getValue().size() != 1) throw ApiProblem.badRequest("parameter " + p.getKey() + " is given more than once");
        }
        SearchTerms terms = SearchTerms.of(ctx.queryParam("q"));
        Set<String> types = types(ctx.queryParam("type"));
        int limit = limit(ctx.queryParam("limit"));
        long after = cursor(ctx.queryParam("next"));
        Viewer viewer = visible.viewerOf(principal);
        Set<String> collections = collections(principal, ctx.queryParam("community"));

        Page page = visible.search(viewer, collections, types, terms.terms(), v -> terms.matches(v.json()), after, limit);
        List<Object> objects = new ArrayList<>(page.items().size());
        for (StoredVersion v : page.items()) objects.add(StixJson.readTree(v.json().getBytes(StandardCharsets.UTF_8)));
        ApiResponse.json(ctx, 200, StixJson.object(
                "objects", objects,
                "more", page.more(),
                "next", page.more() ? Long.toString(page.nextSeq()) : null));
    }

    /** The readable collections searched: all, or the one of a community the user sees. */
    private Set<String> collections(Principal principal, String community) {
        Set<String> readable = new LinkedHashSet<>();
        if (community != null) {
            Community c = store.communities().find(community)
                    .filter(found -> communities.visible(found, principal))
                    // A community one is not in does not exist for one.
                    .orElseThrow(() -> ApiProblem.notFound("no community '" + community + "'"));
            store.collections().find(Channels.aliasOf(c))
                    .filter(collection -> authenticator.rights(principal, collection.id()).read())
                    .ifPresent(collection -> readable.add(collection.id()));
            return readable;
        }
        for (CollectionInfo collection : store.collections().list()) {
            if (authenticator.rights(principal, collection.id()).read()) readable.add(collection.id());
        }
        return readable;
    }

    private static Set<String> types(String value) {
        if (value == null) return Set.of();
        Set<String> types = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String type = part.strip();
            if (!TYPE.matcher(type).matches()) {
                throw ApiProblem.badRequest("type must be STIX types separated by commas, such as indicator,domain-name; '"
                        + type + "' is not one");
            }
            types.add(type);
        }
        return types;
    }

    private static int limit(String value) {
        if (value == null) return DEFAULT_LIMIT;
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1) return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("limit must be a positive integer, not '" + value + "'");
    }

    private static long cursor(String value) {
        if (value == null) return 0;
        try {
            long seq = Long.parseLong(value.strip());
            if (seq >= 0) return seq;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("next must be a value returned by this endpoint, not '" + value + "'");
    }
}
