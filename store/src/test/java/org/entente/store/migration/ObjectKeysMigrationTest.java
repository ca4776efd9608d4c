package org.entente.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.store.migration.StoredAtAnOlderVersion.json;
import static org.entente.store.migration.StoredAtAnOlderVersion.micros;
import static org.entente.store.migration.StoredAtAnOlderVersion.version;
import static org.entente.store.migration.StoredAtAnOlderVersion.versionsOf;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.store.ObjectQuery;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.VersionSelector;
import org.entente.store.WriteOutcome;
import org.entente.store.jdbc.Dialect;
import org.entente.store.jdbc.ObjectIdHash;
import org.entente.store.postgres.EmbeddedPostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V17 numbers every object id once for the node (stored objects in every collection, and ids that
 * only have shares) and moves objects and shares onto those numbers: afterwards the store finds the objects of
 * each collection and their shares as before, writes nothing twice, and numbers new ids after the old ones.
 */
class ObjectKeysMigrationTest {
    private static final MemberId ALICE = new MemberId("identity--6f0e7b1c-0a4e-5d2f-9a3b-1c2d3e4f5a6b");
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2024-01-02T00:00:00Z");
    private static final SharingLabels GREEN = SharingLabels.of(ALICE, Distribution.ORGANISATION, Tlp.GREEN, "cyber");

    @TempDir
    Path dataDir;

    @Test
    void objectsAndSharesStoredAtV16AreFoundByTheirIdsAfterMigratingSqlite() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve("entente.db");
        PartialMigration.to("16", PartialMigration.sqlite(url), Dialect.SQLITE);
        fillAtV16(url);
        try (Store store = StoreFactory.open(null, url)) {
            behavesAsIfWrittenByTheStore(store);
        }
        assertThat(numberedIds(url)).containsExactly("indicator--a", "indicator--b", "note--n", "indicator--c");
    }

    @Test
    void objectsAndSharesStoredAtV16AreFoundByTheirIdsAfterMigratingPostgres() throws SQLException {
        try (EmbeddedPostgresFixture postgres = EmbeddedPostgresFixture.start()) {
            String url = postgres.newDatabaseUrl();
            PartialMigration.to("16", PartialMigration.postgres(url), Dialect.POSTGRESQL);
            fillAtV16(url);
            try (Store store = StoreFactory.open(null, url)) {
                behavesAsIfWrittenByTheStore(store);
            }
            assertThat(numberedIds(url)).containsExactly("indicator--a", "indicator--b", "note--n", "indicator--c");
        }
    }

    /**
     * Object a in collections c1 (versions T1, T2) and c2 (T1), object b in c1; shares of a at T1 (two envelopes)
     * and of note n, which no collection holds.
     */
    private static void fillAtV16(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO collections (id, title, description) VALUES ('c1', 'one', ''), ('c2', 'two', '')");
            sql.execute("INSERT INTO objects (pk, collection_pk, id_hash, object_id) VALUES "
                    + "(1, 1, " + ObjectIdHash.of("indicator--a") + ", 'indicator--a'), "
                    + "(2, 1, " + ObjectIdHash.of("indicator--b") + ", 'indicator--b'), "
                    + "(3, 2, " + ObjectIdHash.of("indicator--a") + ", 'indicator--a')");
            String columns = "INSERT INTO object_versions (collection_pk, object_pk, object_id, version_key, type, spec_version,"
                    + " date_added, is_first, is_last, json) VALUES ";
            sql.execute(columns + "(1, 1, 'indicator--a', " + micros(T1) + ", 'indicator', '2.1', 10, 1, 0, '" + json("a", T1) + "')");
            sql.execute(columns + "(1, 2, 'indicator--b', " + micros(T1) + ", 'indicator', '2.1', 11, 1, 1, '" + json("b", T1) + "')");
            sql.execute(columns + "(2, 3, 'indicator--a', " + micros(T1) + ", 'indicator', '2.1', 12, 1, 1, '" + json("a", T1) + "')");
            sql.execute(columns + "(1, 1, 'indicator--a', " + micros(T2) + ", 'indicator', '2.1', 13, 0, 1, '" + json("a", T2) + "')");
            sql.execute("UPDATE store_clock SET last_date_added = 13 WHERE id = 1");
            sql.execute("INSERT INTO audiences (seq, origin, tlp, domain, to_all_communities) VALUES (1, '" + ALICE.value()
                    + "', 'green', 'cyber', 0)");
            sql.execute("INSERT INTO shares (object_id, version_key, envelope_id, audience) VALUES "
                    + "('indicator--a', " + micros(T1) + ", 'env-1', 1), ('note--n', " + Long.MIN_VALUE + ", 'env-1', 1), "
                    + "('indicator--a', " + micros(T1) + ", 'env-2', 1)");
        }
    }

    private static void behavesAsIfWrittenByTheStore(Store store) {
        assertThat(versionsOf(store, "c1", "indicator--a", VersionSelector.ALL)).containsExactly(json("a", T1), json("a", T2));
        assertThat(versionsOf(store, "c2", "indicator--a", VersionSelector.ALL)).containsExactly(json("a", T1));
        assertThat(versionsOf(store, "c2", "indicator--b", VersionSelector.ALL)).isEmpty();

        VersionRef aAtT1 = new VersionRef("indicator--a", T1);
        VersionRef note = new VersionRef("note--n", null);
        Map<VersionRef, List<Share>> shares = store.shares().sharesOf(List.of(aAtT1, note));
        assertThat(shares.get(aAtT1)).extracting(Share::envelopeId).containsExactly("env-1", "env-2");
        assertThat(shares.get(aAtT1)).extracting(Share::labels).containsOnly(GREEN);
        assertThat(shares.get(note)).extracting(Share::envelopeId).containsExactly("env-1");
        assertThat(store.shares().originsOf(List.of("indicator--a", "note--n", "indicator--b")))
                .isEqualTo(Map.of("indicator--a", ALICE, "note--n", ALICE));

        // Recorded once: the same share again adds nothing; a new envelope adds one.
        store.shares().record(List.of(new Share("indicator--a", T1, "env-1", GREEN), new Share("indicator--a", T1, "env-3", GREEN)));
        assertThat(store.shares().sharesOf(List.of(aAtT1)).get(aAtT1)).extracting(Share::envelopeId)
                .containsExactly("env-1", "env-2", "env-3");

        assertThat(store.objects().write("c1", List.of(version("a", T2), version("b", T1))))
                .containsExactly(WriteOutcome.ALREADY_PRESENT, WriteOutcome.ALREADY_PRESENT);
        // b is new to c2 but not to the node; c is new to both.
        assertThat(store.objects().write("c2", List.of(version("b", T1), version("c", T1))))
                .containsExactly(WriteOutcome.ADDED, WriteOutcome.ADDED);
        assertThat(versionsOf(store, "c2", "indicator--b", VersionSelector.ALL)).containsExactly(json("b", T1));
        assertThat(versionsOf(store, "c2", "indicator--c", VersionSelector.ALL)).containsExactly(json("c", T1));
        assertThat(versionsOf(store, "c1", "indicator--c", VersionSelector.ALL)).isEmpty();

        assertThat(store.objects().delete("c1", "indicator--a", ObjectQuery.all())).isEqualTo(2);
        assertThat(versionsOf(store, "c2", "indicator--a", VersionSelector.ALL)).containsExactly(json("a", T1));
        assertThat(store.objects().countObjects("c1")).isEqualTo(1);
    }

    /** The ids of object_ids in the order of their numbers. */
    private static List<String> numberedIds(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT object_id FROM object_ids ORDER BY pk")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) ids.add(rows.getString(1));
            return ids;
        }
    }
}
