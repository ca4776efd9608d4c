package org.entente.store.migration;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.entente.store.jdbc.Dialect;
import org.entente.store.jdbc.ObjectIdHash;
import org.flywaydb.core.Flyway;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/** A database brought up to an earlier version, to fill as an older store would have, before the store migrates it. */
final class PartialMigration {
    private PartialMigration() {}

    static void to(String version, DataSource dataSource, Dialect dialect) {
        Flyway.configure(PartialMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(dialect.migrationPlaceholders())
                .target(version)
                .load()
                .migrate();
    }

    /** SQLite connections as the store's own migrations get them: V3 computes object id hashes with this function. */
    static SQLiteDataSource sqlite(String url) {
        SQLiteDataSource dataSource = new SQLiteDataSource() {
            @Override
            public SQLiteConnection getConnection(String username, String password) throws SQLException {
                SQLiteConnection connection = super.getConnection(username, password);
                Function.create(connection, ObjectIdHash.SQL_FUNCTION, new Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        result(ObjectIdHash.of(value_text(0)));
                    }
                }, 1, Function.FLAG_DETERMINISTIC);
                return connection;
            }
        };
        dataSource.setUrl(url);
        return dataSource;
    }

    static DataSource postgres(String url) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }
}
