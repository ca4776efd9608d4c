package org.entente.store;

/**
 * Everything a node persists, behind one interface with two implementations that pass one contract
 * test suite: SQLite (embedded, the default) and PostgreSQL. Opened by {@link StoreFactory}, which also
 * applies the migrations. Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {
    /**
     * Runs {@code work} as one transaction and returns what it returns: every write made through the given
     * {@link UnitOfWork} commits together, or, when {@code work} throws, none does. Inside {@code work},
     * write only through the unit of work (the stores' own writes run transactions of their own, which wait
     * for this one) and keep it short: other writers wait for it.
     */
    <R> R atomically(java.util.function.Function<UnitOfWork, R> work);

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
