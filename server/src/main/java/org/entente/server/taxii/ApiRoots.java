package org.entente.server.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.policy.Community;
import org.entente.core.policy.Member;
import org.entente.server.share.Channels;
import org.entente.store.CommunityStore;
import org.entente.store.MemberStore;

/**
 * The API roots of a node: its own root with every collection, and one root per community its member
 * belongs to, named like the community's collection ({@code c-<community>}), carrying what came through
 * that community.
 */
public final class ApiRoots {
    private final ApiRoot nodeRoot;
    private final CommunityStore communities;
    private final MemberStore members;

    public ApiRoots(ApiRoot nodeRoot, CommunityStore communities, MemberStore members) {
        this.nodeRoot = nodeRoot;
        this.communities = communities;
        this.members = members;
    }

    public ApiRoot nodeRoot() {
        return nodeRoot;
    }

    public List<ApiRoot> all() {
        List<ApiRoot> roots = new ArrayList<>();
        roots.add(nodeRoot);
        Optional<Member> local = members.local();
        if (local.isEmpty()) return roots;
        for (Community c : communities.list()) {
            if (c.hasMember(local.get().id())) roots.add(of(c));
        }
        return roots;
    }

    public Optional<ApiRoot> find(String name) {
        if (nodeRoot.name().equals(name)) return Optional.of(nodeRoot);
        if (!name.startsWith("c-")) return Optional.empty();
        Optional<Member> local = members.local();
        return communities.find(name.substring(2))
                .filter(c -> local.isPresent() && c.hasMember(local.get().id()))
                .map(ApiRoots::of);
    }

    private static ApiRoot of(Community c) {
        String alias = Channels.aliasOf(c);
        return new ApiRoot(alias, "Community " + c.name(), "Objects shared with this member through community " + c.name(), alias);
    }
}
