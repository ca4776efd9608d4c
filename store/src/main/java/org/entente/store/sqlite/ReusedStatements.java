package org.entente.store.sqlite;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps the prepared statements of the SQLite read connections for reuse. The SQLite driver has no
 * statement cache and the pool cannot add one, so without this every read compiles its SQL anew, which
 * was a tenth of a TAXII read (docs/PERFORMANCE.md, section 4).
 *
 * <p>Statements are prepared on the driver's own connection, under the pool's proxy: the proxy closes
 * the statements made through it whenever the connection goes back to the pool. They die with that
 * connection; the cache of a closed connection is dropped when a new connection first comes. A statement is taken out of the cache while a
 * query uses it, so the same SQL run twice at once on one connection gets two statements.
 */
final class ReusedStatements implements StatementBuilderFactory {
    /** Per connection; reads use a handful of distinct SQL texts, IN lists of each length count apart. */
    private static final int PER_CONNECTION = 64;

    private final Map<SQLiteConnection, IdleStatements> idle = new ConcurrentHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return new Builder();
    }

    /** Idle statements of one connection by SQL, least recently returned first. */
    private static final class IdleStatements extends LinkedHashMap<String, Deque<PreparedStatement>> {
        private int count;

        IdleStatements() {
            super(16, 0.75f, true);
        }

        synchronized PreparedStatement take(String sql) {
            Deque<PreparedStatement> statements = get(sql);
            if (statements == null || statements.isEmpty()) return null;
            count--;
            return statements.pop();
        }

        synchronized void give(String sql, PreparedStatement statement) throws SQLException {
            computeIfAbsent(sql, s -> new ArrayDeque<>()).push(statement);
            count++;
            while (count > PER_CONNECTION) {
                Map.Entry<String, Deque<PreparedStatement>> eldest = entrySet().iterator().next();
                for (PreparedStatement old : eldest.getValue()) old.close();
                count -= eldest.getValue().size();
                remove(eldest.getKey());
            }
        }
    }

    private final class Builder implements StatementBuilder {
        private final StatementBuilder plain = new DefaultStatementBuilder();

        @Override
        public Statement create(Connection connection, StatementContext ctx) throws SQLException {
            return plain.create(connection, ctx);
        }

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext ctx) throws SQLException {
            SQLiteConnection own = connection.unwrap(SQLiteConnection.class);
            PreparedStatement reused = statementsOf(own).take(sql);
            return reused != null ? reused : own.prepareStatement(sql);
        }

        @Override
        public CallableStatement createCall(Connection connection, String sql, StatementContext ctx) throws SQLException {
            return plain.createCall(connection, sql, ctx);
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            if (!(statement instanceof PreparedStatement prepared) || sql == null || statement.isClosed()) {
                plain.close(connection, sql, statement);
                return;
            }
            try {
                prepared.clearParameters();
            } catch (SQLException broken) {
                prepared.close();
                return;
            }
            statementsOf(connection.unwrap(SQLiteConnection.class)).give(sql, prepared);
        }
    }

    private IdleStatements statementsOf(SQLiteConnection connection) {
        IdleStatements statements = idle.get(connection);
        if (statements != null) return statements;
        // A new connection: the pool may have retired one, whose statements went with it.
        idle.keySet().removeIf(ReusedStatements::isClosed);
        return idle.computeIfAbsent(connection, c -> new IdleStatements());
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
