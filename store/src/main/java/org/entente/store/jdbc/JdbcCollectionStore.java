package org.entente.store.jdbc;

import java.util.List;
import java.util.Optional;
import org.entente.store.CollectionInfo;
import org.entente.store.CollectionStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcCollectionStore implements CollectionStore {
    private static final String COLUMNS = "SELECT id, title, description, alias FROM collections";
    private static final RowMapper<CollectionInfo> COLLECTION = (rs, ctx) -> new CollectionInfo(
            rs.getString("id"), rs.getString("title"), rs.getString("description"), rs.getString("alias"));

    private final Jdbi reads;
    private final SerialWriter writer;
    private final KnownCollections known = new KnownCollections();

    JdbcCollectionStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public void create(CollectionInfo collection) {
        writer.useTransaction(handle -> {
            // An id or alias must name one collection, whichever of the two a client uses.
            requireFree(handle, collection.id());
            if (collection.alias() != null) requireFree(handle, collection.alias());
            handle.createUpdate("""
                            INSERT INTO collections (id, title, description, alias)
                            VALUES (:id, :title, :description, :alias)""")
                    .bind("id", collection.id())
                    .bind("title", collection.title())
                    .bind("description", collection.description())
                    .bind("alias", collection.alias())
                    .execute();
        });
    }

    private static void requireFree(Handle handle, String name) {
        if (find(handle, name).isPresent()) {
            throw new IllegalStateException("collection id or alias already taken: " + name);
        }
    }

    @Override
    public Optional<CollectionInfo> find(String idOrAlias) {
        return known.find(idOrAlias, name -> reads.withHandle(handle -> find(handle, name)));
    }

    private static Optional<CollectionInfo> find(Handle handle, String idOrAlias) {
        return handle.createQuery(COLUMNS + " WHERE id = :name OR alias = :name ORDER BY pk LIMIT 1")
                .bind("name", idOrAlias)
                .map(COLLECTION)
                .findOne();
    }

    @Override
    public List<CollectionInfo> list() {
        return reads.withHandle(handle -> handle.createQuery(COLUMNS + " ORDER BY pk")
                .map(COLLECTION)
                .list());
    }
}
