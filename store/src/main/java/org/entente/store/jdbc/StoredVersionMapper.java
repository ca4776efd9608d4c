package org.entente.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.entente.store.StoredVersion;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads {@link #COLUMNS}, which must come first in the select list, into what a find returns. */
enum StoredVersionMapper implements RowMapper<StoredVersion> {
    INSTANCE;

    static final String COLUMNS = "seq, object_id, type, spec_version, version_key, date_added, json";

    @Override
    public StoredVersion map(ResultSet rs, StatementContext ctx) throws SQLException {
        // By position, in the order of COLUMNS: a lookup by name costs the SQLite driver a scan of the
        // column names for every value of every row, and a page has hundreds of values.
        long dateAdded = rs.getLong(6);
        long version = VersionKey.effective(rs.getLong(5), dateAdded);
        return new StoredVersion(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                EpochMicros.toInstant(version),
                EpochMicros.toInstant(dateAdded),
                rs.getString(7));
    }
}
