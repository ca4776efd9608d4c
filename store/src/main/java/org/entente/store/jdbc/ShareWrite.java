package org.entente.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.store.Share;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Records a batch of shares inside the caller's transaction with a few statements whatever its size: one
 * batched insert that skips the keys stored already, one read of the keys the new rows were given, and one
 * batched insert per distribution list. Keys are read back rather than returned by the insert because
 * SQLite's driver does not return keys for a batch; they are read as the rows above the highest key before
 * the insert, a range of the primary key, rather than looked up by object id.
 */
final class ShareWrite {
    private static final String INSERT = """
            INSERT INTO shares (object_id, version_key, envelope_id, origin, tlp, domain, handling_code, grading,
                                to_all_communities)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (object_id, version_key, envelope_id) DO NOTHING""";
    private static final String INSERT_MEMBER = "INSERT INTO share_members (share_seq, member_id) VALUES (?, ?)";
    private static final String INSERT_COMMUNITY = "INSERT INTO share_communities (share_seq, community) VALUES (?, ?)";

    private ShareWrite() {}

    static void run(Handle handle, List<Share> batch) {
        if (batch.isEmpty()) return;
        // The first of equal shares in a batch wins, as it would in two separate calls.
        Map<ShareKey, Share> unique = new LinkedHashMap<>();
        batch.forEach(share -> unique.putIfAbsent(ShareKey.of(share), share));
        // Plain JDBC with positional binding, as in BatchWrite: JDBI's named binding cost several times
        // more per row, and a received envelope records 2,000 shares and as many distribution rows.
        Connection connection = handle.getConnection();
        try {
            // Keys are never reused, so whatever this insert adds lies above the highest key before it.
            long before;
            try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM shares");
                 ResultSet rs = max.executeQuery()) {
                rs.next();
                before = rs.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Map.Entry<ShareKey, Share> entry : unique.entrySet()) {
                    bindShare(insert, entry.getKey(), entry.getValue().labels());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<ShareKey, Long> added = addedSince(connection, before, unique);
            if (added.isEmpty()) return;
            try (PreparedStatement members = connection.prepareStatement(INSERT_MEMBER);
                 PreparedStatement communities = connection.prepareStatement(INSERT_COMMUNITY)) {
                int memberRows = 0;
                int communityRows = 0;
                for (Map.Entry<ShareKey, Long> entry : added.entrySet()) {
                    Distribution distribution = unique.get(entry.getKey()).labels().distribution();
                    for (MemberId member : distribution.members()) {
                        members.setLong(1, entry.getValue());
                        members.setString(2, member.value());
                        members.addBatch();
                        memberRows++;
                    }
                    for (String community : distribution.communities()) {
                        communities.setLong(1, entry.getValue());
                        communities.setString(2, community);
                        communities.addBatch();
                        communityRows++;
                    }
                }
                if (memberRows > 0) members.executeBatch();
                if (communityRows > 0) communities.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot record shares", e, null);
        }
    }

    private static void bindShare(PreparedStatement insert, ShareKey key, SharingLabels labels) throws SQLException {
        insert.setString(1, key.objectId());
        insert.setLong(2, key.versionKey());
        insert.setString(3, key.envelopeId());
        insert.setString(4, labels.origin().value());
        insert.setString(5, StoredTlp.of(labels.tlp()));
        insert.setString(6, labels.domain());
        insert.setString(7, labels.handlingCode().map(Enum::name).orElse(null));
        insert.setString(8, labels.grading().map(Object::toString).orElse(null));
        insert.setInt(9, labels.distribution().allCommunities() ? 1 : 0);
    }

    /**
     * The rows of this batch that the insert added (a stored key was skipped by it), with their keys. Rows
     * another process added meanwhile are above {@code before} too; they are told apart by their key.
     */
    private static Map<ShareKey, Long> addedSince(Connection connection, long before, Map<ShareKey, Share> batch)
            throws SQLException {
        Map<ShareKey, Long> added = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, object_id, version_key, envelope_id FROM shares WHERE seq > ? ORDER BY seq")) {
            select.setLong(1, before);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ShareKey key = new ShareKey(rs.getString(2), rs.getLong(3), rs.getString(4));
                    if (batch.containsKey(key)) added.putIfAbsent(key, rs.getLong(1));
                }
            }
        }
        return added;
    }
}
