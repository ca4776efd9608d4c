package org.entente.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.jdbc.Dialect;
import org.entente.store.postgres.EmbeddedPostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V11 replaces the correlation index's cursor per collection by one over all versions: it starts
 * before the first version that some collection's cursor had not reached (a collection without a cursor had
 * reached none), so nothing is left unindexed, or at the last version when every cursor was at its end.
 */
class CorrelationPositionMigrationTest {
    /** Versions 1..5 in collections c1, c2, c1, c3, c2. */
    private static final String[] COLLECTION_OF_SEQ = {"c1", "c2", "c1", "c3", "c2"};

    @TempDir
    Path dataDir;

    @Test
    void theCursorStartsBeforeTheFirstVersionACollectionCursorHadNotReachedOnSqlite() throws SQLException {
        assertThat(cursorAfterMigratingSqlite("behind", Map.of("c1", 3L, "c2", 2L))).isEqualTo(3);
        assertThat(cursorAfterMigratingSqlite("done", Map.of("c1", 3L, "c2", 5L, "c3", 4L))).isEqualTo(5);
        assertThat(cursorAfterMigratingSqlite("never", Map.of())).isZero();
    }

    @Test
    void theCursorStartsBeforeTheFirstVersionACollectionCursorHadNotReachedOnPostgres() throws SQLException {
        try (EmbeddedPostgresFixture postgres = EmbeddedPostgresFixture.start()) {
            assertThat(cursorAfterMigratingPostgres(postgres, Map.of("c1", 3L, "c2", 2L))).isEqualTo(3);
            assertThat(cursorAfterMigratingPostgres(postgres, Map.of("c1", 3L, "c2", 5L, "c3", 4L))).isEqualTo(5);
        }
    }

    private long cursorAfterMigratingSqlite(String name, Map<String, Long> cursors) throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve(name + ".db");
        PartialMigration.to("9", PartialMigration.sqlite(url), Dialect.SQLITE);
        return cursorAfterMigrating(url, cursors);
    }

    private static long cursorAfterMigratingPostgres(EmbeddedPostgresFixture postgres, Map<String, Long> cursors) throws SQLException {
        String url = postgres.newDatabaseUrl();
        PartialMigration.to("9", PartialMigration.postgres(url), Dialect.POSTGRESQL);
        return cursorAfterMigrating(url, cursors);
    }

    private static long cursorAfterMigrating(String url, Map<String, Long> cursors) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO collections (id, title, description) VALUES ('c1', 'one', ''), ('c2', 'two', ''), ('c3', 'three', '')");
            for (int seq = 1; seq <= COLLECTION_OF_SEQ.length; seq++) {
                sql.execute("INSERT INTO object_versions (collection_pk, object_id, version_key, type, spec_version, date_added,"
                        + " is_first, is_last, json) SELECT pk, 'indicator--" + seq + "', " + seq + ", 'indicator', '2.1', " + seq
                        + ", 1, 1, '{}' FROM collections WHERE id = '" + COLLECTION_OF_SEQ[seq - 1] + "'");
            }
            for (Map.Entry<String, Long> cursor : cursors.entrySet()) {
                sql.execute("INSERT INTO correlation_cursors (collection_id, last_seq) VALUES ('" + cursor.getKey() + "', " + cursor.getValue() + ")");
            }
        }
        try (Store store = StoreFactory.open(null, url)) {
            return store.correlation().cursor();
        }
    }
}
