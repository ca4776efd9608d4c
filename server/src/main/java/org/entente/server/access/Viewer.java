package org.entente.server.access;

import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;

/**
 * Who reads, as far as the sharing policy is concerned: the node itself (its operators and the people
 * of its own member, who see everything the node holds, within their collection rights), or another
 * member hosted on this node, who sees only what the policy lets it receive. A viewer carries the policy
 * of the moment it was made, so one request judges every object by the same charters.
 */
public final class Viewer {
    private static final Viewer NODE = new Viewer(null, null);

    private final MemberId member;
    private final SharingPolicy policy;

    private Viewer(MemberId member, SharingPolicy policy) {
        this.member = member;
        this.policy = policy;
    }

    /** The node's own member, its users and its operators. */
    public static Viewer node() {
        return NODE;
    }

    /** A member other than the node's own, judged by this policy. */
    public static Viewer member(MemberId member, SharingPolicy policy) {
        return new Viewer(java.util.Objects.requireNonNull(member, "member"), java.util.Objects.requireNonNull(policy, "policy"));
    }

    /** Whether what this viewer sees is filtered by the policy. */
    public boolean restricted() {
        return member != null;
    }

    /** The hosted member this viewer reads for; empty for the node. */
    public Optional<MemberId> member() {
        return Optional.ofNullable(member);
    }

    /** Whether one sharing of a version lets this viewer see it. */
    boolean mayReceive(SharingLabels labels) {
        return member == null || policy.mayReceive(labels, member).allowed();
    }
}
