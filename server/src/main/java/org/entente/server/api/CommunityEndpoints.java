package org.entente.server.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.Community;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.access.Principal;
import org.entente.server.share.Channels;
import org.entente.store.Store;

/**
 * Members and communities: {@code GET /api/v1/members}, {@code GET /api/v1/communities},
 * {@code GET|PUT|DELETE /api/v1/communities/{name}}. Changing a charter takes an admin. What a user sees
 * follows {@link CommunityVisibility}: the communities its member belongs to, their membership only when
 * the charter does not hide it.
 */
final class CommunityEndpoints {
    private final ApiGate gate;
    private final Store store;
    private final CommunityVisibility visibility;

    CommunityEndpoints(ApiGate gate, Store store) {
        this.gate = gate;
        this.store = store;
        this.visibility = new CommunityVisibility(store);
    }

    void members(Context ctx) {
        Principal principal = gate.enter(ctx);
        Optional<MemberId> local = store.members().local().map(Member::id);
        List<Map<String, Object>> members = visibility.members(principal).stream()
                .map(m -> PolicyJson.member(m, local.map(m.id()::equals).orElse(false)))
                .toList();
        ApiResponse.json(ctx, 200, StixJson.object("members", members));
    }

    void list(Context ctx) {
        Principal principal = gate.enter(ctx);
        List<Map<String, Object>> visible = store.communities().list().stream()
                .filter(c -> visible(c, principal))
                .map(c -> PolicyJson.community(c, showMembers(c, principal)))
                .toList();
        ApiResponse.json(ctx, 200, StixJson.object("communities", visible));
    }

    void one(Context ctx) {
        Principal principal = gate.enter(ctx);
        Community c = find(ctx, principal);
        ApiResponse.json(ctx, 200, PolicyJson.community(c, showMembers(c, principal)));
    }

    void put(Context ctx) {
        gate.admin(gate.enter(ctx));
        String name = ctx.pathParam("name");
        Community community;
        try {
            community = new Community(name, PolicyJson.charter(ApiRequest.jsonBody(ctx)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        boolean existed = store.communities().find(name).isPresent();
        store.communities().save(community);
        new Channels(store.collections()).collectionOf(community); // its members may post into it from now on
        ApiResponse.json(ctx, existed ? 200 : 201, PolicyJson.community(community, true));
    }

    void delete(Context ctx) {
        gate.admin(gate.enter(ctx));
        String name = ctx.pathParam("name");
        if (!store.communities().remove(name)) throw ApiProblem.notFound("no community '" + name + "'");
        ctx.status(204);
    }

    private Community find(Context ctx, Principal principal) {
        String name = ctx.pathParam("name");
        return store.communities().find(name)
                .filter(c -> visible(c, principal))
                // Not "forbidden": a community one is not in does not exist for one.
                .orElseThrow(() -> ApiProblem.notFound("no community '" + name + "'"));
    }

    private boolean visible(Community c, Principal principal) {
        return visibility.visible(c, principal);
    }

    private static boolean showMembers(Community c, Principal principal) {
        return CommunityVisibility.showMembers(c, principal);
    }
}
