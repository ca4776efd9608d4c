package org.entente.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.entente.store.StoredVersion;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads {@link #COLUMNS} into what a find returns. */
enum StoredVersionMapper implements RowMapper<StoredVersion> {
    INSTANCE;

    static final String COLUMNS = "seq, object_id, type, spec_version, version_key, date_added, json";

    @Override
    public StoredVersion map(ResultSet rs, StatementContext ctx) throws SQLException {
        long dateAdded = rs.getLong("date_added");
        long version = VersionKey.effective(rs.getLong("version_key"), dateAdded);
        return new StoredVersion(
                rs.getLong("seq"),
                rs.getString("object_id"),
                rs.getString("type"),
                rs.getString("spec_version"),
                EpochMicros.toInstant(version),
                EpochMicros.toInstant(dateAdded),
                rs.getString("json"));
    }
}
