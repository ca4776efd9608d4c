package org.entente.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Plain JDBC with positional binding for statements over thousands of rows: one batched write, or one
 * lookup by an IN list of keys. JDBI's named binding costs several times more per row (see {@link ShareWrite}),
 * and an IN list of each length is one more statement to compile.
 */
final class Jdbc {
    /** The most keys one statement of {@link #lookup} binds: a caller that needs one statement passes no more. */
    static final int LONGEST_IN_LIST = 400;
    /** Keys per IN list: the lengths a lookup uses, smallest first; well below both dialects' parameter limits. */
    private static final int[] IN_LENGTHS = {8, 64, LONGEST_IN_LIST};

    /** Binds one row's parameters. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** Binds one key of an IN list at a parameter index. */
    @FunctionalInterface
    interface KeyBinder<K> {
        void bind(PreparedStatement statement, int index, K key) throws SQLException;
    }

    /** Takes one row of a result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
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

    /**
     * Runs {@code sql}, whose {@code <keys>} stands for an IN list, over all {@code keys}, a chunk at a time,
     * handing every row to {@code reader}. A chunk is padded with its last key to one of three lengths, so a call
     * compiles at most three statements however many keys it has (a key twice in an IN list matches once).
     * Rows come chunk by chunk, in each chunk's own order; nothing for no keys.
     */
    static <K> void lookup(Handle handle, String sql, List<K> keys, KeyBinder<? super K> binder, RowReader reader) {
        lookup(handle.getConnection(), sql, keys, binder, reader);
    }

    /** {@link #lookup(Handle, String, List, KeyBinder, RowReader)} on a connection. */
    static <K> void lookup(Connection connection, String sql, List<K> keys, KeyBinder<? super K> binder, RowReader reader) {
        if (keys.isEmpty()) return;
        Map<Integer, PreparedStatement> statements = new HashMap<>();
        try {
            for (int from = 0; from < keys.size(); ) {
                int length = inLength(keys.size() - from);
                PreparedStatement statement = statements.get(length);
                if (statement == null) {
                    statement = connection.prepareStatement(sql.replace("<keys>", "?" + ", ?".repeat(length - 1)));
                    statements.put(length, statement);
                }
                int to = Math.min(keys.size(), from + length);
                for (int i = 0; i < length; i++) binder.bind(statement, i + 1, keys.get(Math.min(from + i, to - 1)));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) reader.read(rows);
                }
                from = to;
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot run " + sql.lines().findFirst().orElse(sql), e, null);
        } finally {
            for (PreparedStatement statement : statements.values()) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // Closing a statement whose query ran: nothing to undo.
                }
            }
        }
    }

    private static int inLength(int remaining) {
        for (int length : IN_LENGTHS) if (remaining <= length) return length;
        return LONGEST_IN_LIST;
    }
}
