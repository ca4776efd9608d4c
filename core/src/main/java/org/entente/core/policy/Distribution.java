package org.entente.core.policy;

import java.util.Set;

/**
 * Who an object is addressed to: named members, communities (by name), or every community its origin
 * belongs to. Several at once are allowed. The empty distribution addresses nobody: the object stays
 * with its origin organisation. There is no "everybody" beyond the origin's communities.
 */
public record Distribution(Set<MemberId> members, Set<String> communities, boolean allCommunities) {
    /** Nobody beyond the origin organisation. */
    public static final Distribution ORGANISATION = new Distribution(Set.of(), Set.of(), false);

    public Distribution {
        members = Set.copyOf(members);
        communities = Set.copyOf(communities);
    }

    public static Distribution toMembers(MemberId... members) {
        return new Distribution(Set.of(members), Set.of(), false);
    }

    public static Distribution toCommunities(String... communities) {
        return new Distribution(Set.of(), Set.of(communities), false);
    }

    public boolean isEmpty() {
        return members.isEmpty() && communities.isEmpty() && !allCommunities;
    }
}
