package org.entente.store;

import java.util.List;
import java.util.Optional;
import org.entente.core.policy.MemberId;

/** The peers of this node. */
public interface PeerStore {
    /** Adds a peer or updates it (URL, pins, paused). */
    void save(Peer peer);

    Optional<Peer> find(MemberId member);

    List<Peer> list();

    /** Removes a peer and its outbox; true when it existed. */
    boolean remove(MemberId member);
}
