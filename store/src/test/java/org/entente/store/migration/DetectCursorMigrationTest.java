package org.entente.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.VersionInCollection;
import org.entente.store.jdbc.Dialect;
import org.entente.store.postgres.EmbeddedPostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V12 replaces the detect stage's per-collection cursors by one over all collections, so that after
 * it the stage matches exactly the versions the old cursors had not: it starts before the first of them and
 * skips, per collection, what the old cursors had passed.
 *
 * <p>Filled at V9, the last before V12 to touch these tables (V10 and V11 migrate it on the way): c1 holds seqs 1, 2, 5, 6 and its cursor is 5; c2 holds 3, 4, 7 and its cursor is 3; c3 holds 8 and
 * has no cursor. Not matched yet: 4, 6, 7, 8.
 */
class DetectCursorMigrationTest {
    @TempDir
    Path dataDir;

    @Test
    void theSingleCursorStartsBeforeTheFirstUnmatchedVersionAndSkipsWhatWasMatchedOnSqlite() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve("entente.db");
        PartialMigration.to("9", PartialMigration.sqlite(url), Dialect.SQLITE);
        fillAtV9(url);
        try (Store store = StoreFactory.open(null, url)) {
            matchesWhatTheOldCursorsHadNot(store);
        }
    }

    @Test
    void theSingleCursorStartsBeforeTheFirstUnmatchedVersionAndSkipsWhatWasMatchedOnPostgres() throws SQLException {
        try (EmbeddedPostgresFixture postgres = EmbeddedPostgresFixture.start()) {
            String url = postgres.newDatabaseUrl();
            PartialMigration.to("9", PartialMigration.postgres(url), Dialect.POSTGRESQL);
            fillAtV9(url);
            try (Store store = StoreFactory.open(null, url)) {
                matchesWhatTheOldCursorsHadNot(store);
            }
        }
    }

    private static void fillAtV9(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO collections (id, title, description) VALUES ('c1', 'one', ''), ('c2', 'two', ''), ('c3', 'three', '')");
            int[] collectionOfSeq = {1, 1, 2, 2, 1, 1, 2, 3};
            for (int seq = 1; seq <= collectionOfSeq.length; seq++) {
                sql.execute("INSERT INTO object_versions (collection_pk, object_id, version_key, type, spec_version,"
                        + " date_added, is_first, is_last, json) VALUES (" + collectionOfSeq[seq - 1] + ", 'sighting--" + seq
                        + "', " + seq + ", 'sighting', '2.1', " + seq + ", 1, 1, '{}')");
            }
            sql.execute("INSERT INTO detect_cursors (collection_id, last_seq) VALUES ('c1', 5), ('c2', 3)");
        }
    }

    private static void matchesWhatTheOldCursorsHadNot(Store store) {
        long cursor = store.detectCursors().cursor();
        Map<String, Long> ahead = store.detectCursors().matchedAhead();
        assertThat(cursor).as("just before seq 4, the first not matched").isEqualTo(3);
        assertThat(ahead).as("c2's cursor was not ahead of the new one").containsExactly(Map.entry("c1", 5L));

        assertThat(store.objects().versionsAfterSeq(cursor, Set.of("sighting"), 100).versions().stream()
                .filter(v -> v.version().seq() > ahead.getOrDefault(v.collectionId(), 0L))
                .map(VersionInCollection::version).map(v -> v.seq()))
                .containsExactly(4L, 6L, 7L, 8L);

        store.detectCursors().advance(5);
        assertThat(store.detectCursors().matchedAhead()).as("passed by the cursor").isEmpty();
    }
}
