package org.entente.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads {@link StoredRow#COLUMNS}. */
enum StoredRowMapper implements RowMapper<StoredRow> {
    INSTANCE;

    @Override
    public StoredRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredRow(
                rs.getLong("seq"),
                rs.getString("object_id"),
                rs.getLong("version_key"),
                rs.getLong("date_added"),
                rs.getInt("is_first") == 1,
                rs.getInt("is_last") == 1);
    }
}
