package org.entente.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** {@link EpochMicros} for the columns where no instant is a valid value (stored as NULL). */
final class NullableMicros {
    private NullableMicros() {}

    static Long of(Instant instant) {
        return instant == null ? null : EpochMicros.of(instant);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? null : EpochMicros.toInstant(micros);
    }
}
