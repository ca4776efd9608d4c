package org.entente.store;

import java.nio.file.Path;
import org.entente.store.jdbc.Database;
import org.entente.store.jdbc.JdbcStore;
import org.entente.store.postgres.PostgresDatabase;
import org.entente.store.sqlite.SqliteDatabase;

/**
 * Opens a store and brings its schema up to date. {@code url} is a JDBC URL
 * ({@code jdbc:postgresql://…} or {@code jdbc:sqlite:…}); without one, the SQLite file
 * {@code <dataDir>/entente.db} is used.
 */
public final class StoreFactory {
    public static final String DEFAULT_FILE_NAME = "entente.db";

    private StoreFactory() {}

    public static Store open(Path dataDir, String url) {
        return new JdbcStore(openDatabase(dataDir, url));
    }

    private static Database openDatabase(Path dataDir, String url) {
        if (url == null || url.isBlank()) {
            if (dataDir == null) throw new IllegalArgumentException("neither a data directory nor a JDBC URL given");
            return SqliteDatabase.open(SqliteDatabase.URL_PREFIX + dataDir.resolve(DEFAULT_FILE_NAME).toAbsolutePath());
        }
        if (url.startsWith(SqliteDatabase.URL_PREFIX)) return SqliteDatabase.open(url);
        if (url.startsWith(PostgresDatabase.URL_PREFIX)) return PostgresDatabase.open(url);
        // Only the scheme is named: the rest of a URL may hold a password.
        throw new IllegalArgumentException("unsupported store URL " + scheme(url) + "…; expected none (SQLite file "
                + DEFAULT_FILE_NAME + " in the data directory), jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>");
    }

    private static String scheme(String url) {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? url.substring(0, Math.min(url.length(), 12)) : url.substring(0, second + 1);
    }
}
