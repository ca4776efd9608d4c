package org.entente.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.entente.store.ObjectQuery;
import org.entente.store.Store;
import org.entente.store.StoreContract;
import org.entente.store.StoreFactory;
import org.entente.store.StoredVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store openStore() {
        return StoreFactory.open(dataDir, null);
    }

    private String url() {
        return SqliteDatabase.URL_PREFIX + dataDir.resolve(StoreFactory.DEFAULT_FILE_NAME);
    }

    @Override
    protected void rejectInsertsOf(String objectId) {
        execute("CREATE TRIGGER reject_test_object BEFORE INSERT ON object_versions WHEN NEW.object_id = '"
                + objectId + "' BEGIN SELECT RAISE(ABORT, 'rejected by the test'); END");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDatabaseFileSurvivesCloseAndReopen() {
        store.objects().write(COLLECTION, List.of(version("indicator--a", Instant.parse("2024-01-01T00:00:00Z"))));
        List<StoredVersion> before = store.objects().find(COLLECTION, ObjectQuery.all()).items();
        store.close();

        store = StoreFactory.open(dataDir, null);
        assertThat(store.objects().find(COLLECTION, ObjectQuery.all()).items()).isEqualTo(before);
        assertThat(store.collections().find(COLLECTION)).isPresent();
        store.objects().write(COLLECTION, List.of(version("indicator--b", null)));
        assertThat(store.objects().find(COLLECTION, ObjectQuery.all()).items().getLast().dateAdded())
                .isAfter(before.getFirst().dateAdded());
    }

    @Test
    void theDefaultIsAFileInTheDataDirectoryWhichIsCreated() {
        Path nested = dataDir.resolve("a/b");
        try (Store other = StoreFactory.open(nested, null)) {
            assertThat(other.dialect()).isEqualTo("sqlite");
        }
        assertThat(nested.resolve("entente.db")).exists();
    }

    @Test
    void aJdbcSqliteUrlNamesTheFile() {
        Path file = dataDir.resolve("elsewhere/x.db");
        try (Store other = StoreFactory.open(null, SqliteDatabase.URL_PREFIX + file)) {
            assertThat(other.collections().list()).isEmpty();
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void otherUrlsAreRefusedNamingTheAcceptedForms() {
        assertThatThrownBy(() -> StoreFactory.open(dataDir, "jdbc:mysql://secret@host/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> StoreFactory.open(dataDir, "jdbc:sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFileIsInWalModeWithForeignKeysOn() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        assertThat(store.dialect()).isEqualTo("sqlite");
    }
}
