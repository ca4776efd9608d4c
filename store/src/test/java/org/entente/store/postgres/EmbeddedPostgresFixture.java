package org.entente.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server started from Maven artifacts (no installation, no network; works as root,
 * where the packaged binaries drop to an unprivileged user), handing out a fresh database per test.
 * Start one per test class and close it after the class.
 */
public final class EmbeddedPostgresFixture implements AutoCloseable {
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgresFixture(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresFixture start() {
        try {
            return new EmbeddedPostgresFixture(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL (credentials included). */
    public String newDatabaseUrl() {
        String name = "entente_" + databases.incrementAndGet();
        execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
        return postgres.getJdbcUrl(SUPERUSER, name);
    }

    /** Runs a statement as superuser in the database of a URL this fixture handed out. */
    public void execute(String url, String sql) {
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        execute(postgres.getDatabase(SUPERUSER, database), sql);
    }

    private static void execute(javax.sql.DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
