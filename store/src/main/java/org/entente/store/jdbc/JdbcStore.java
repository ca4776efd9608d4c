package org.entente.store.jdbc;

import java.time.Clock;
import java.util.function.Function;
import org.entente.store.AccountStore;
import org.entente.store.CollectionStore;
import org.entente.store.CommunityStore;
import org.entente.store.CorrelationStore;
import org.entente.store.DetectCursors;
import org.entente.store.InboxStore;
import org.entente.store.MemberStore;
import org.entente.store.ObjectSearch;
import org.entente.store.ObjectStore;
import org.entente.store.OutboxStore;
import org.entente.store.PullCursorStore;
import org.entente.store.PeerStore;
import org.entente.store.ShareStore;
import org.entente.store.StatusStore;
import org.entente.store.UnitOfWork;
import org.entente.store.Store;
import org.entente.store.WarningStore;

/** The store over a migrated SQL database; the same code for both dialects. */
public final class JdbcStore implements Store {
    private final Database database;
    private final JdbcObjectStore objects;
    private final CollectionStore collections;
    private final StatusStore statuses;
    private final AccountStore accounts;
    private final MemberStore members;
    private final CommunityStore communities;
    private final PeerStore peers;
    private final JdbcOutboxStore outbox;
    private final PullCursorStore pullCursors;
    private final InboxStore inbox;
    private final ShareStore shares;
    private final CorrelationStore correlation;
    private final DetectCursors detectCursors;
    private final ObjectSearch search;
    private final WarningStore warnings;

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
        this.members = new JdbcMemberStore(database.reads(), database.writer());
        this.communities = new JdbcCommunityStore(database.reads(), database.writer());
        this.peers = new JdbcPeerStore(database.reads(), database.writer());
        this.outbox = new JdbcOutboxStore(database.reads(), database.writer(), clock);
        this.pullCursors = new JdbcPullCursorStore(database.reads(), database.writer(), clock);
        this.inbox = new JdbcInboxStore(database.reads(), database.writer());
        this.shares = new JdbcShareStore(database.reads(), database.writer());
        this.correlation = new JdbcCorrelationStore(database.reads(), database.writer());
        this.detectCursors = new JdbcDetectCursors(database.reads(), database.writer());
        this.search = new JdbcObjectSearch(database.reads());
        this.warnings = new JdbcWarningStore(database.reads(), database.writer(), clock);
    }

    @Override
    public <R> R atomically(Function<UnitOfWork, R> work) {
        return database.writer().inTransaction(handle -> work.apply(new JdbcUnitOfWork(handle, objects, outbox)));
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

    @Override
    public MemberStore members() {
        return members;
    }

    @Override
    public CommunityStore communities() {
        return communities;
    }

    @Override
    public PeerStore peers() {
        return peers;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public PullCursorStore pullCursors() {
        return pullCursors;
    }

    @Override
    public InboxStore inbox() {
        return inbox;
    }

    @Override
    public ShareStore shares() {
        return shares;
    }

    @Override
    public CorrelationStore correlation() {
        return correlation;
    }

    @Override
    public DetectCursors detectCursors() {
        return detectCursors;
    }

    @Override
    public ObjectSearch search() {
        return search;
    }

    @Override
    public WarningStore warnings() {
        return warnings;
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
