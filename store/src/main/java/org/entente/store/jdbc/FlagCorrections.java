package org.entente.store.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Batched updates of stored first/last flags, for only the rows whose flags are no longer right. */
final class FlagCorrections {
    private final PreparedBatch updates;

    FlagCorrections(Handle handle) {
        this.updates = handle.prepareBatch(
                "UPDATE object_versions SET is_first = :first, is_last = :last WHERE seq = :seq");
    }

    void check(StoredRow row, FirstAndLast objectEnds) {
        boolean first = row.rank().equals(objectEnds.first());
        boolean last = row.rank().equals(objectEnds.last());
        if (first != row.first() || last != row.last()) {
            updates.bind("first", first ? 1 : 0).bind("last", last ? 1 : 0).bind("seq", row.seq()).add();
        }
    }

    void execute() {
        if (updates.size() > 0) updates.execute();
    }
}
