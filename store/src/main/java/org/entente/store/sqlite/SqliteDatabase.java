package org.entente.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.store.jdbc.Database;
import org.entente.store.jdbc.Dialect;
import org.entente.store.jdbc.SerialWriter;
import org.entente.store.migration.Migrations;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite in WAL mode: one write connection (SQLite has one writer anyway) and a few read connections,
 * which WAL lets read a consistent snapshot while a write is in progress.
 */
public final class SqliteDatabase {
    public static final String URL_PREFIX = "jdbc:sqlite:";
    private static final int READ_CONNECTIONS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;
    private static final long READ_MMAP_BYTES = 1L << 30;
    private static final int WRITE_CACHE_KIB = 128 * 1024;
    /** 16,384 pages of 4 KiB: a WAL of at most about 64 MiB between checkpoints. */
    private static final int WAL_CHECKPOINT_PAGES = 16_384;

    private SqliteDatabase() {}

    /** Opens (creating it and its directories if needed) and migrates the database file of the URL. */
    public static Database open(String url) {
        createParentDirectories(url);
        Migrations.apply(new MigrationDataSource(writeConfig(), url), Dialect.SQLITE);
        HikariDataSource writes = pool("entente-sqlite-write", dataSource(url, writeConfig()), 1, null);
        HikariDataSource reads;
        try {
            reads = pool("entente-sqlite-read", dataSource(url, readConfig()), READ_CONNECTIONS,
                    "PRAGMA query_only = true");
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
        AutoCloseable resources = () -> {
            try (writes; reads) {
                // Readers first, then the writer, whose close checkpoints the WAL into the file.
            }
        };
        Jdbi readJdbi = Jdbi.create(reads).setStatementBuilderFactory(new ReusedStatements());
        return new Database(Dialect.SQLITE, readJdbi, new SerialWriter(Jdbi.create(writes)), resources);
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit is on disk (the WAL is synced) before the write is acknowledged.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        return config;
    }

    private static SQLiteConfig readConfig() {
        SQLiteConfig config = baseConfig();
        // Pages are read straight from the memory-mapped file instead of being copied in by a read()
        // per page: TAXII reads are the hot path. The mapping is address space, not heap.
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(READ_MMAP_BYTES));
        return config;
    }

    private static SQLiteConfig writeConfig() {
        SQLiteConfig config = baseConfig();
        // Take the write lock when the transaction begins, not at its first write, so it cannot fail
        // half-way because another process started writing.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Page cache in KiB (native memory, not Java heap). A batch inserts ids at random places in the
        // unique index; the more of that index stays cached, the fewer pages each batch reads back.
        config.setCacheSize(-WRITE_CACHE_KIB);
        // Checkpoint (copy the WAL into the database file) every WAL_CHECKPOINT_PAGES pages, not every
        // 1,000 (SQLite's default): one 2,000-object batch dirties over 1,000 pages, mostly index pages
        // that the next batches dirty again, so a checkpoint per commit wrote each page to the file
        // again and again. Durability is unchanged: a commit is synced in the WAL (synchronous=FULL).
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(WAL_CHECKPOINT_PAGES));
        // After a checkpoint, shrink the WAL file back to this size instead of keeping its largest size.
        config.setPragma(SQLiteConfig.Pragma.JOURNAL_SIZE_LIMIT, Long.toString(WAL_CHECKPOINT_PAGES * 4096L));
        return config;
    }

    private static SQLiteDataSource dataSource(String url, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static HikariDataSource pool(String name, SQLiteDataSource dataSource, int size, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionInitSql(initSql);
        return new HikariDataSource(config);
    }

    private static void createParentDirectories(String url) {
        String path = url.substring(URL_PREFIX.length());
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        if (path.isEmpty() || path.contains(":memory:") || url.contains("mode=memory")) {
            throw new IllegalArgumentException(
                    "an in-memory SQLite database cannot be shared by the store's connections; name a file: " + url);
        }
        if (path.startsWith("file:")) return;
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + path, e);
        }
    }
}
