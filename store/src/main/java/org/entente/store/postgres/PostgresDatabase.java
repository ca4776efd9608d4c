package org.entente.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.entente.store.jdbc.Database;
import org.entente.store.jdbc.Dialect;
import org.entente.store.jdbc.SerialWriter;
import org.entente.store.migration.Migrations;
import org.jdbi.v3.core.Jdbi;

/** PostgreSQL through one HikariCP pool; MVCC keeps readers and the writer out of each other's way. */
public final class PostgresDatabase {
    public static final String URL_PREFIX = "jdbc:postgresql:";
    private static final int POOL_SIZE = 10;

    private PostgresDatabase() {}

    /** Connects to the database of the URL (credentials in the URL) and migrates it. */
    public static Database open(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("entente-postgresql");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        // Sends a batch of inserts as multi-row statements instead of one round trip per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Migrations.apply(pool, Dialect.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        Jdbi jdbi = Jdbi.create(pool);
        return new Database(Dialect.POSTGRESQL, jdbi, new SerialWriter(jdbi), pool);
    }
}
