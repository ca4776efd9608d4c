package org.entente.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.store.migration.StoredAtAnOlderVersion.micros;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.jdbc.Dialect;
import org.entente.store.postgres.EmbeddedPostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V10 moves each share's labels into an audience: shares recorded at V9 read back with exactly
 * the labels they had (every field, both distribution lists), keep their origins, are not recorded twice,
 * and new shares go on next to them.
 */
class ShareAudiencesMigrationTest {
    private static final MemberId ALICE = new MemberId("identity--6f0e7b1c-0a4e-5d2f-9a3b-1c2d3e4f5a6b");
    private static final MemberId BOB = new MemberId("identity--7a1b2c3d-4e5f-5a6b-8c7d-9e0f1a2b3c4d");
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2024-01-02T00:00:00Z");
    private static final SharingLabels FULL = new SharingLabels(ALICE, new Distribution(Set.of(ALICE, BOB), Set.of("eu", "fraud"), true),
            Tlp.AMBER_STRICT, "fraud", Optional.of(HandlingCode.H2), Optional.of(Grading.parse("B2")));
    private static final SharingLabels BARE = SharingLabels.of(BOB, Distribution.ORGANISATION, Tlp.CLEAR, "cyber");

    @TempDir
    Path dataDir;

    @Test
    void sharesRecordedAtV9KeepTheirLabelsAndOriginsAfterMigratingSqlite() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve("entente.db");
        PartialMigration.to("9", PartialMigration.sqlite(url), Dialect.SQLITE);
        fillAtV9(url);
        try (Store store = StoreFactory.open(null, url)) {
            readsAsRecorded(store);
        }
    }

    @Test
    void sharesRecordedAtV9KeepTheirLabelsAndOriginsAfterMigratingPostgres() throws SQLException {
        try (EmbeddedPostgresFixture postgres = EmbeddedPostgresFixture.start()) {
            String url = postgres.newDatabaseUrl();
            PartialMigration.to("9", PartialMigration.postgres(url), Dialect.POSTGRESQL);
            fillAtV9(url);
            try (Store store = StoreFactory.open(null, url)) {
                readsAsRecorded(store);
            }
        }
    }

    /** indicator--a at T1 shared with FULL, then again by a second envelope with BARE; note--n shared with BARE. */
    private static void fillAtV9(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            String columns = "INSERT INTO shares (object_id, version_key, envelope_id, origin, tlp, domain, handling_code,"
                    + " grading, to_all_communities) VALUES ";
            sql.execute(columns + "('indicator--a', " + micros(T1) + ", 'env-1', '" + ALICE.value() + "', 'amber+strict', 'fraud', 'H2', 'B2', 1)");
            sql.execute(columns + "('indicator--a', " + micros(T1) + ", 'env-2', '" + BOB.value() + "', 'clear', 'cyber', NULL, NULL, 0)");
            sql.execute(columns + "('note--n', " + Long.MIN_VALUE + ", 'env-2', '" + BOB.value() + "', 'clear', 'cyber', NULL, NULL, 0)");
            sql.execute("INSERT INTO share_members (share_seq, member_id) VALUES (1, '" + ALICE.value() + "'), (1, '" + BOB.value() + "')");
            sql.execute("INSERT INTO share_communities (share_seq, community) VALUES (1, 'eu'), (1, 'fraud')");
        }
    }

    private static void readsAsRecorded(Store store) {
        VersionRef a = new VersionRef("indicator--a", T1);
        VersionRef n = new VersionRef("note--n", null);
        Share aFull = new Share("indicator--a", T1, "env-1", FULL);
        Share aBare = new Share("indicator--a", T1, "env-2", BARE);
        Share nBare = new Share("note--n", null, "env-2", BARE);
        assertThat(store.shares().sharesOf(List.of(a, n))).isEqualTo(Map.of(a, List.of(aFull, aBare), n, List.of(nBare)));
        assertThat(store.shares().originsOf(List.of("indicator--a", "note--n"))).isEqualTo(Map.of("indicator--a", ALICE, "note--n", BOB));

        Share later = new Share("indicator--a", T2, "env-3", FULL);
        store.shares().record(List.of(aFull, nBare, later));
        VersionRef a2 = new VersionRef("indicator--a", T2);
        assertThat(store.shares().sharesOf(List.of(a, n, a2)))
                .isEqualTo(Map.of(a, List.of(aFull, aBare), n, List.of(nBare), a2, List.of(later)));
    }
}
