package org.entente.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.entente.store.jdbc.Database;
import org.entente.store.jdbc.Dialect;
import org.entente.store.jdbc.SerialWriter;
import org.entente.store.migration.Migrations;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL through two HikariCP pools: one for reads and a small one for the writer, which runs one
 * transaction at a time anyway (see {@link SerialWriter}) and has settings of its own. MVCC keeps
 * readers and the writer out of each other's way.
 */
public final class PostgresDatabase {
    public static final String URL_PREFIX = "jdbc:postgresql:";
    private static final int READ_POOL_SIZE = 10;
    /** One transaction at a time, plus one so Hikari can replace a connection without a wait. */
    private static final int WRITE_POOL_SIZE = 2;

    private PostgresDatabase() {}

    /** Connects to the database of the URL (credentials in the URL) and migrates it. */
    public static Database open(String url) {
        HikariDataSource writes = pool("entente-postgresql-write", url, WRITE_POOL_SIZE, writeConfig());
        HikariDataSource reads;
        try {
            Migrations.apply(writes, Dialect.POSTGRESQL);
            reads = pool("entente-postgresql", url, READ_POOL_SIZE, new HikariConfig());
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
        AutoCloseable resources = () -> {
            try (writes; reads) {
                // both pools closed
            }
        };
        return new Database(Dialect.POSTGRESQL, Jdbi.create(reads), new SerialWriter(Jdbi.create(writes)), resources);
    }

    private static HikariConfig writeConfig() {
        HikariConfig config = new HikariConfig();
        // Sends a batch of inserts as multi-row statements instead of one round trip per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Plan every statement for its actual parameters. The writer looks up a batch's ids in a table
        // that an import grows from empty to millions of rows; the driver's cached server-side statement
        // otherwise settles on a generic plan made while the table was small — a sequential scan — and
        // keeps it, so each lookup read the whole table (1,000 objects/s at 50k rows instead of 6,600).
        config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        return config;
    }

    private static HikariDataSource pool(String name, String url, int size, HikariConfig config) {
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
