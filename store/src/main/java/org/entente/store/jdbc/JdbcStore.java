package org.entente.store.jdbc;

import java.time.Clock;
import org.entente.store.AccountStore;
import org.entente.store.CollectionStore;
import org.entente.store.ObjectStore;
import org.entente.store.StatusStore;
import org.entente.store.Store;

/** The store over a migrated SQL database; the same code for both dialects. */
public final class JdbcStore implements Store {
    private final Database database;
    private final ObjectStore objects;
    private final CollectionStore collections;
    private final StatusStore statuses;
    private final AccountStore accounts;

    public JdbcStore(Database database) {
        this(database, Clock.systemUTC());
    }

    public JdbcStore(Database database, Clock clock) {
        this.database = database;
        this.objects = new JdbcObjectStore(
                database.reads(), database.writer(), new CollectionKeys(), new DateAddedClock(clock));
        this.collections = new JdbcCollectionStore(database.reads(), database.writer());
        this.statuses = new JdbcStatusStore(database.reads(), database.writer());
        this.accounts = new JdbcAccountStore(database.reads(), database.writer(), clock);
    }

    @Override
    public ObjectStore objects() {
        return objects;
    }

    @Override
    public CollectionStore collections() {
        return collections;
    }

    @Override
    public StatusStore statuses() {
        return statuses;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    // Federation data: interfaces agreed, implementation in progress on branch fedstore.
    @Override
    public org.entente.store.MemberStore members() {
        throw new UnsupportedOperationException("member store not implemented yet");
    }

    @Override
    public org.entente.store.CommunityStore communities() {
        throw new UnsupportedOperationException("community store not implemented yet");
    }

    @Override
    public org.entente.store.PeerStore peers() {
        throw new UnsupportedOperationException("peer store not implemented yet");
    }

    @Override
    public org.entente.store.OutboxStore outbox() {
        throw new UnsupportedOperationException("outbox not implemented yet");
    }

    @Override
    public org.entente.store.InboxStore inbox() {
        throw new UnsupportedOperationException("inbox not implemented yet");
    }

    @Override
    public org.entente.store.ShareStore shares() {
        throw new UnsupportedOperationException("share store not implemented yet");
    }

    @Override
    public String dialect() {
        return database.dialect().label();
    }

    @Override
    public void close() {
        try {
            database.resources().close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the " + dialect() + " store", e);
        }
    }
}
