package org.entente.server.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entente.core.policy.Community;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.server.access.Principal;
import org.entente.store.Store;

/**
 * Which communities and members a user may know of. Admins operate the node and see everything. Any other
 * user acts for a member (the node's own, or the hosted member it is bound to) and sees the communities
 * that member is in; a charter that hides its membership shows nobody's membership but the user's own, so
 * the members listed to such a user are itself, the node's member, and the fellow members of communities
 * whose membership is not hidden.
 */
final class CommunityVisibility {
    private final Store store;

    CommunityVisibility(Store store) {
        this.store = store;
    }

    /** The member a non-admin user acts for: the one it is bound to, else the node's own. */
    Optional<MemberId> actingFor(Principal principal) {
        return principal.member().or(() -> store.members().local().map(Member::id));
    }

    boolean visible(Community c, Principal principal) {
        return principal.admin() || actingFor(principal).map(c::hasMember).orElse(false);
    }

    static boolean showMembers(Community c, Principal principal) {
        return principal.admin() || !c.charter().membershipHidden();
    }

    /** The members the user may know of. */
    List<Member> members(Principal principal) {
        List<Member> all = store.members().list();
        if (principal.admin()) return all;
        Set<MemberId> known = new LinkedHashSet<>();
        actingFor(principal).ifPresent(known::add);
        store.members().local().map(Member::id).ifPresent(known::add);
        for (Community c : store.communities().list()) {
            if (visible(c, principal) && showMembers(c, principal)) known.addAll(c.charter().members());
        }
        return all.stream().filter(m -> known.contains(m.id())).toList();
    }
}
