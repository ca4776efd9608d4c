package org.entente.store;

/**
 * Everything a node persists, behind one interface with two implementations that pass one contract
 * test suite: SQLite (embedded, the default) and PostgreSQL. Opened by {@link StoreFactory}, which also
 * applies the migrations. Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {
    ObjectStore objects();

    CollectionStore collections();

    StatusStore statuses();

    AccountStore accounts();

    MemberStore members();

    CommunityStore communities();

    PeerStore peers();

    OutboxStore outbox();

    InboxStore inbox();

    ShareStore shares();

    CorrelationStore correlation();

    DetectCursors detectCursors();

    ObjectSearch search();

    WarningStore warnings();

    /** "sqlite" or "postgresql", for logs and metrics. */
    String dialect();

    @Override
    void close();
}
