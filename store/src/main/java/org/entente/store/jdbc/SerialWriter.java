package org.entente.store.jdbc;

import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs write transactions one at a time. SQLite allows a single writer anyway, and one writer at a time
 * keeps sequence numbers in commit order, so a reader paging by sequence never skips a later commit.
 */
public final class SerialWriter {
    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock();

    public SerialWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        lock.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            lock.unlock();
        }
    }

    public void useTransaction(HandleConsumer<RuntimeException> work) {
        inTransaction(handle -> {
            work.useHandle(handle);
            return null;
        });
    }
}
