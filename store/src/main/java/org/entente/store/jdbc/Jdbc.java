package org.entente.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * One batched statement in plain JDBC with positional binding, for writes of thousands of rows: JDBI's
 * named binding costs several times more per row (see {@link ShareWrite}).
 */
final class Jdbc {
    /** Binds one row's parameters. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private Jdbc() {}

    /** Runs {@code sql} once per row as one batch in the handle's transaction; nothing for no rows. */
    static <T> void batch(Handle handle, String sql, Collection<T> rows, Binder<? super T> binder) {
        if (rows.isEmpty()) return;
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot run " + sql.lines().findFirst().orElse(sql), e, null);
        }
    }
}
