package org.entente.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;

/**
 * The audiences of shares (table {@code audiences} and its distribution lists): each distinct set of sharing
 * labels is stored once and named by its key from every share under it. New labels are matched to a stored
 * audience by a 64-bit hash and then compared whole, so a collision only costs a second look.
 */
final class Audiences {
    private Audiences() {}

    /** The key of an audience equal to {@code labels}, stored now if there is none; inside the writer's transaction. */
    static long keyOf(Connection connection, SharingLabels labels) throws SQLException {
        long hash = hash(labels);
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT seq FROM audiences WHERE labels_hash = ?")) {
            select.setLong(1, hash);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) candidates.add(rs.getLong(1));
            }
        }
        if (!candidates.isEmpty()) {
            Map<Long, SharingLabels> stored = labelsOf(connection, candidates);
            for (long key : candidates) {
                if (labels.equals(stored.get(key))) return key;
            }
        }
        return insert(connection, labels, hash);
    }

    private static long insert(Connection connection, SharingLabels labels, long hash) throws SQLException {
        // The one writer gives keys: no other insert runs between this read and the insert below.
        long key;
        try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM audiences");
             ResultSet rs = max.executeQuery()) {
            rs.next();
            key = rs.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audiences (seq, origin, tlp, domain, handling_code, grading, to_all_communities, labels_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, key);
            insert.setString(2, labels.origin().value());
            insert.setString(3, StoredTlp.of(labels.tlp()));
            insert.setString(4, labels.domain());
            insert.setString(5, labels.handlingCode().map(Enum::name).orElse(null));
            insert.setString(6, labels.grading().map(Object::toString).orElse(null));
            insert.setInt(7, labels.distribution().allCommunities() ? 1 : 0);
            insert.setLong(8, hash);
            insert.executeUpdate();
        }
        insertAll(connection, "INSERT INTO audience_members (audience, member_id) VALUES (?, ?)", key,
                labels.distribution().members().stream().map(MemberId::value).toList());
        insertAll(connection, "INSERT INTO audience_communities (audience, community) VALUES (?, ?)", key,
                labels.distribution().communities());
        return key;
    }

    private static void insertAll(Connection connection, String sql, long key, Collection<String> values) throws SQLException {
        if (values.isEmpty()) return;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (String value : values) {
                insert.setLong(1, key);
                insert.setString(2, value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The labels of each of the given audiences that exists. */
    static Map<Long, SharingLabels> labelsOf(Connection connection, Collection<Long> keys) {
        List<Long> all = List.copyOf(new HashSet<>(keys));
        Map<Long, Set<MemberId>> members = new HashMap<>();
        Jdbc.lookup(connection, "SELECT audience, member_id FROM audience_members WHERE audience IN (<keys>)", all,
                PreparedStatement::setLong,
                rs -> members.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(new MemberId(rs.getString(2))));
        Map<Long, Set<String>> communities = new HashMap<>();
        Jdbc.lookup(connection, "SELECT audience, community FROM audience_communities WHERE audience IN (<keys>)", all,
                PreparedStatement::setLong,
                rs -> communities.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)));
        Map<Long, SharingLabels> labels = new HashMap<>();
        Jdbc.lookup(connection, "SELECT seq, origin, tlp, domain, handling_code, grading, to_all_communities"
                + " FROM audiences WHERE seq IN (<keys>)", all, PreparedStatement::setLong, rs -> {
            long key = rs.getLong(1);
            Distribution distribution = new Distribution(
                    members.getOrDefault(key, Set.of()), communities.getOrDefault(key, Set.of()), rs.getInt(7) == 1);
            labels.put(key, new SharingLabels(
                    new MemberId(rs.getString(2)),
                    distribution,
                    StoredTlp.parse(rs.getString(3)),
                    rs.getString(4),
                    Optional.ofNullable(rs.getString(5)).map(HandlingCode::valueOf),
                    Optional.ofNullable(rs.getString(6)).map(Grading::parse)));
        });
        return labels;
    }

    /**
     * The first eight bytes of SHA-256 over the labels written out with every value length-prefixed and the
     * lists sorted: the same labels give the same hash in every process (unlike {@code hashCode}).
     */
    static long hash(SharingLabels labels) {
        StringBuilder text = new StringBuilder();
        field(text, labels.origin().value());
        field(text, StoredTlp.of(labels.tlp()));
        field(text, labels.domain());
        field(text, labels.handlingCode().map(Enum::name).orElse(""));
        field(text, labels.grading().map(Object::toString).orElse(""));
        field(text, labels.distribution().allCommunities() ? "all" : "");
        Set<String> members = new TreeSet<>();
        labels.distribution().members().forEach(m -> members.add(m.value()));
        field(text, Integer.toString(members.size()));
        members.forEach(m -> field(text, m));
        Set<String> communities = new TreeSet<>(labels.distribution().communities());
        field(text, Integer.toString(communities.size()));
        communities.forEach(c -> field(text, c));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }
}
