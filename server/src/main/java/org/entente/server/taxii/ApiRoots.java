package org.entente.server.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.policy.Community;
import org.entente.core.policy.Member;
import org.entente.server.access.Viewer;
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

    /** The roots the viewer sees: a hosted member sees the roots of the communities it is in itself. */
    public List<ApiRoot> all(Viewer viewer) {
        List<ApiRoot> roots = new ArrayList<>();
        roots.add(nodeRoot);
        Optional<Member> local = members.local();
        if (local.isEmpty()) return roots;
        for (Community c : communities.list()) {
            if (carries(c, local.get(), viewer)) roots.add(of(c));
        }
        return roots;
    }

    public Optional<ApiRoot> find(String name, Viewer viewer) {
        if (nodeRoot.name().equals(name)) return Optional.of(nodeRoot);
        if (!name.startsWith("c-")) return Optional.empty();
        Optional<Member> local = members.local();
        return communities.find(name.substring(2))
                .filter(c -> local.isPresent() && carries(c, local.get(), viewer))
                .map(ApiRoots::of);
    }

    /** A community's traffic reaches this node when its member is in it, and the viewer when it is in it too. */
    private static boolean carries(Community c, Member local, Viewer viewer) {
        return c.hasMember(local.id()) && viewer.member().map(c::hasMember).orElse(true);
    }

    private static ApiRoot of(Community c) {
        String alias = Channels.aliasOf(c);
        return new ApiRoot(alias, "Community " + c.name(), "Objects shared with this member through community " + c.name(), alias);
    }
}
