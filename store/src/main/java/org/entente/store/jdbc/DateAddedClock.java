package org.entente.store.jdbc;

import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * Hands out date_added values in microseconds: the wall clock, unless that is not later than the last
 * value handed out (clock set back, or many versions within one microsecond); then one microsecond more.
 * The last value lives in the database, so the order holds across restarts, deletes and processes.
 */
final class DateAddedClock {
    private final Clock wall;

    DateAddedClock(Clock wall) {
        this.wall = wall;
    }

    /**
     * Locks the clock for the caller's write transaction and returns the next free value. The update
     * takes the row lock first, so writers in other processes queue here until this transaction ends.
     */
    long lockNext(Handle handle) {
        handle.createUpdate("UPDATE store_clock SET last_date_added = last_date_added WHERE id = 1").execute();
        long last = handle.createQuery("SELECT last_date_added FROM store_clock WHERE id = 1")
                .mapTo(Long.class)
                .one();
        return Math.max(EpochMicros.of(wall.instant()), last + 1);
    }

    /** Records the last value this transaction used. */
    void advanceTo(Handle handle, long lastUsed) {
        handle.createUpdate("UPDATE store_clock SET last_date_added = :last WHERE id = 1")
                .bind("last", lastUsed)
                .execute();
    }
}
