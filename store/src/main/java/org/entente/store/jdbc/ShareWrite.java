package org.entente.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.SharingLabels;
import org.entente.store.Share;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Records a batch of shares inside the caller's transaction: the audience of each distinct set of labels
 * once (found or stored by {@link Audiences}), then one batched insert of the shares, each naming its
 * audience, that skips the keys stored already. A received envelope's 2,000 shares thus write 2,000 small
 * rows and no distribution rows, where each used to carry its own copy of the labels. Objects are named by
 * their ids' numbers ({@link ObjectKeys}), which the receiver gave them when it stored them.
 */
final class ShareWrite {
    private static final String INSERT = """
            INSERT INTO shares (object_key, version_key, envelope_id, audience)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (object_key, version_key, envelope_id) DO NOTHING""";

    private ShareWrite() {}

    /** {@code numbered}: the ids' numbers this transaction knows already, see {@link ObjectKeys#ensure}. */
    static void run(Handle handle, List<Share> batch, Map<String, Long> numbered) {
        if (batch.isEmpty()) return;
        // The first of equal shares in a batch wins, as it would in two separate calls.
        Map<ShareKey, Share> unique = new LinkedHashMap<>();
        batch.forEach(share -> unique.putIfAbsent(ShareKey.of(share), share));
        // Plain JDBC with positional binding, as in BatchWrite: JDBI's named binding cost several times
        // more per row.
        Map<String, Long> objectKeys = ObjectKeys.ensure(handle, unique.keySet().stream().map(ShareKey::objectId).toList(), numbered);
        Connection connection = handle.getConnection();
        try {
            Map<SharingLabels, Long> audiences = new HashMap<>();
            for (Share share : unique.values()) {
                if (!audiences.containsKey(share.labels())) audiences.put(share.labels(), Audiences.keyOf(connection, share.labels()));
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Map.Entry<ShareKey, Share> entry : unique.entrySet()) {
                    ShareKey key = entry.getKey();
                    insert.setLong(1, objectKeys.get(key.objectId()));
                    insert.setLong(2, key.versionKey());
                    insert.setString(3, key.envelopeId());
                    insert.setLong(4, audiences.get(entry.getValue().labels()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot record shares", e, null);
        }
    }
}
