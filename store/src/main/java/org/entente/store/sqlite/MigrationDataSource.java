package org.entente.store.sqlite;

import java.sql.SQLException;
import org.entente.store.jdbc.ObjectIdHash;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The connections migrations run on: SQLite has no SHA-256, so the {@link ObjectIdHash} that migration
 * V3 computes for stored object ids is registered on each connection as a SQL function.
 */
public final class MigrationDataSource extends SQLiteDataSource {
    public MigrationDataSource(SQLiteConfig config, String url) {
        super(config);
        setUrl(url);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        try {
            Function.create(connection, ObjectIdHash.SQL_FUNCTION, new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(ObjectIdHash.of(value_text(0)));
                }
            }, 1, Function.FLAG_DETERMINISTIC);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
