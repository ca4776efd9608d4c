package org.entente.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.store.migration.StoredAtAnOlderVersion.json;
import static org.entente.store.migration.StoredAtAnOlderVersion.micros;
import static org.entente.store.migration.StoredAtAnOlderVersion.version;
import static org.entente.store.migration.StoredAtAnOlderVersion.versionsOf;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.entente.store.ObjectQuery;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.VersionSelector;
import org.entente.store.WriteOutcome;
import org.entente.store.jdbc.Dialect;
import org.entente.store.postgres.EmbeddedPostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V3 gives the objects of a database written at V2 their keys and hashes (computed in SQL, so
 * they must equal the store's own): afterwards the store finds those objects by id, does not write their
 * versions twice, and versions, deletes and adds objects as in a fresh store.
 */
class ObjectsMigrationTest {
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2024-01-02T00:00:00Z");
    private static final Instant T3 = Instant.parse("2024-01-03T00:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void objectsStoredAtV2AreFoundVersionedAndNotDuplicatedAfterMigratingSqlite() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve("entente.db");
        PartialMigration.to("2", PartialMigration.sqlite(url), Dialect.SQLITE);
        fillAtV2(url);
        try (Store store = StoreFactory.open(null, url)) {
            behavesAsIfWrittenByTheStore(store);
        }
    }

    @Test
    void objectsStoredAtV2AreFoundVersionedAndNotDuplicatedAfterMigratingPostgres() throws SQLException {
        try (EmbeddedPostgresFixture postgres = EmbeddedPostgresFixture.start()) {
            String url = postgres.newDatabaseUrl();
            PartialMigration.to("2", PartialMigration.postgres(url), Dialect.POSTGRESQL);
            fillAtV2(url);
            try (Store store = StoreFactory.open(null, url)) {
                behavesAsIfWrittenByTheStore(store);
            }
        }
    }

    /** Two collections; in c1 object a with versions T1 and T2 and object b, in c2 another object a. */
    private static void fillAtV2(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO collections (id, title, description) VALUES ('c1', 'one', ''), ('c2', 'two', '')");
            String columns = "INSERT INTO object_versions (collection_pk, object_id, version_key, type, spec_version,"
                    + " date_added, is_first, is_last, json) VALUES ";
            sql.execute(columns + "(1, 'indicator--a', " + micros(T1) + ", 'indicator', '2.1', 10, 1, 0, '" + json("a", T1) + "')");
            sql.execute(columns + "(1, 'indicator--b', " + micros(T1) + ", 'indicator', '2.1', 11, 1, 1, '" + json("b", T1) + "')");
            sql.execute(columns + "(2, 'indicator--a', " + micros(T3) + ", 'indicator', '2.1', 12, 1, 1, '" + json("a", T3) + "')");
            sql.execute(columns + "(1, 'indicator--a', " + micros(T2) + ", 'indicator', '2.1', 13, 0, 1, '" + json("a", T2) + "')");
            sql.execute("UPDATE store_clock SET last_date_added = 13 WHERE id = 1");
        }
    }

    private static void behavesAsIfWrittenByTheStore(Store store) {
        assertThat(versionsOf(store, "c1", "indicator--a", VersionSelector.ALL)).containsExactly(json("a", T1), json("a", T2));
        assertThat(versionsOf(store, "c2", "indicator--a", VersionSelector.ALL)).containsExactly(json("a", T3));

        assertThat(store.objects().write("c1", List.of(version("a", T2), version("b", T1), version("a", T3))))
                .containsExactly(WriteOutcome.ALREADY_PRESENT, WriteOutcome.ALREADY_PRESENT, WriteOutcome.ADDED);
        assertThat(versionsOf(store, "c1", "indicator--a", VersionSelector.LAST)).containsExactly(json("a", T3));
        assertThat(versionsOf(store, "c1", "indicator--a", VersionSelector.FIRST)).containsExactly(json("a", T1));

        assertThat(store.objects().write("c1", List.of(version("c", T1)))).containsExactly(WriteOutcome.ADDED);
        assertThat(versionsOf(store, "c1", "indicator--c", VersionSelector.ALL)).containsExactly(json("c", T1));

        ObjectQuery all = ObjectQuery.all();
        assertThat(store.objects().delete("c1", "indicator--a", all)).isEqualTo(3);
        assertThat(versionsOf(store, "c2", "indicator--a", VersionSelector.ALL)).containsExactly(json("a", T3));
        assertThat(store.objects().countObjects("c1")).isEqualTo(2);
        assertThat(store.objects().write("c1", List.of(version("a", T1)))).containsExactly(WriteOutcome.ADDED);
    }
}
