package org.entente.store;

import java.util.List;
import java.util.Optional;

/** TAXII collections of this node. */
public interface CollectionStore {
    /** Creates a collection; throws {@link IllegalStateException} when the id or alias is taken. */
    void create(CollectionInfo collection);

    Optional<CollectionInfo> find(String idOrAlias);

    List<CollectionInfo> list();
}
