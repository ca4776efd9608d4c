package org.entente.store;

import java.util.List;
import java.util.Optional;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;

/**
 * Members known to this node (its own, its peers', and those named in charters) and their public signing
 * keys, current and rotated, so that every signature a member ever made stays verifiable.
 */
public interface MemberStore {
    /** Creates or updates a member's descriptor. */
    void save(Member member);

    Optional<Member> find(MemberId id);

    List<Member> list();

    /** Marks which member this node acts for; set once, at {@code keys init}. */
    void setLocal(MemberId id);

    Optional<Member> local();

    /** Records a public key of a member; adding the same key id again changes nothing. */
    void addKey(MemberId member, MemberKey key);

    /** All keys of a member, oldest first. */
    List<MemberKey> keys(MemberId member);
}
