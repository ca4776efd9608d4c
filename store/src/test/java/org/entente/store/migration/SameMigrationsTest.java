package org.entente.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.postgres.EmbeddedPostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One set of migrations gives both dialects the same tables and columns, and applies only once. */
class SameMigrationsTest {
    @TempDir
    Path dataDir;

    @Test
    void sqliteAndPostgresGetTheSameTablesAndColumns() throws SQLException {
        String sqliteUrl = "jdbc:sqlite:" + dataDir.resolve("entente.db");
        try (Store store = StoreFactory.open(dataDir, null)) {
            assertThat(store.dialect()).isEqualTo("sqlite");
        }
        try (Store again = StoreFactory.open(dataDir, null)) { // migrating twice changes nothing
            assertThat(again.collections().list()).isEmpty();
        }
        Set<String> sqlite;
        try (Connection connection = DriverManager.getConnection(sqliteUrl)) {
            sqlite = columns(connection);
        }

        Set<String> postgres;
        try (EmbeddedPostgresFixture fixture = EmbeddedPostgresFixture.start()) {
            String url = fixture.newDatabaseUrl();
            StoreFactory.open(null, url).close();
            try (Connection connection = DriverManager.getConnection(url)) {
                postgres = columns(connection);
            }
        }

        assertThat(sqlite).contains("object_versions.is_last", "grants.can_write", "flyway_schema_history.version",
                "members.level", "local_member.member_id", "member_key_chains.chain",
                "communities.membership_hidden", "community_members.member_id", "community_domains.domain",
                "peers.signing_key_fingerprint", "outbox.next_attempt", "outbox_progress.last_delivered",
                "inbox.raw", "shares.version_key", "shares.audience", "audiences.grading",
                "audience_members.member_id", "audience_communities.community");
        assertThat(postgres).isEqualTo(sqlite);
    }

    private static Set<String> columns(Connection connection) throws SQLException {
        Set<String> columns = new TreeSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                String table = tables.getString("TABLE_NAME");
                if (table.startsWith("sqlite_") || "information_schema".equals(schema) || "pg_catalog".equals(schema)) {
                    continue;
                }
                try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                    while (rs.next()) columns.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
        }
        return columns;
    }
}
