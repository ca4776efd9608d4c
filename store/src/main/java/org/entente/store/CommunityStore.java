package org.entente.store;

import java.util.List;
import java.util.Optional;
import org.entente.core.policy.Community;

/** Communities and their charters as this node knows them. */
public interface CommunityStore {
    /** Creates a community or replaces its charter. */
    void save(Community community);

    Optional<Community> find(String name);

    List<Community> list();

    /** Removes a community; true when it existed. */
    boolean remove(String name);
}
