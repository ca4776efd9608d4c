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

    /** Where pulling from each pull-mode peer has come (see {@link PeerMode#PULL}). */
    PullCursorStore pullCursors();

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
