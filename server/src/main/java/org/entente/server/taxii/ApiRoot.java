package org.entente.server.taxii;

/**
 * An API root (TAXII 2.1 section 4.2), served at {@code /taxii2/<name>/}. {@code collectionAlias} limits
 * it to one collection (a community's root shows that community's traffic); null shows every collection
 * the requester may use.
 */
public record ApiRoot(String name, String title, String description, String collectionAlias) {
    public boolean holds(org.entente.store.CollectionInfo collection) {
        return collectionAlias == null || collectionAlias.equals(collection.alias());
    }
}
