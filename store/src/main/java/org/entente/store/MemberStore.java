package org.entente.store;

import java.util.List;
import java.util.Optional;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;

/**
 * Members known to this node (its own, its peers', and those named in charters) and their signing-key
 * chains: the first public key, from which the member id derives, and every rotation since, each signed
 * by the key before it. Keeping the chain rather than loose keys keeps the proof that each key is the
 * member's, so every signature the member ever made stays verifiable.
 */
public interface MemberStore {
    /** Creates or updates a member's descriptor. */
    void save(Member member);

    Optional<Member> find(MemberId id);

    List<Member> list();

    /** Marks which member this node acts for; set once, at {@code keys init}. */
    void setLocal(MemberId id);

    Optional<Member> local();

    /**
     * Stores a member's key chain document (as federation writes it), replacing the previous one. The
     * caller verifies the document and that it extends what was stored; the store keeps bytes.
     */
    void saveKeyChain(MemberId member, byte[] chain);

    Optional<byte[]> keyChain(MemberId member);
}
