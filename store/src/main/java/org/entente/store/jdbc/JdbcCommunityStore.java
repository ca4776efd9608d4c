package org.entente.store.jdbc;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.MemberId;
import org.entente.store.CommunityStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Communities with their charters; members and domains are child rows, read with one query each. */
final class JdbcCommunityStore implements CommunityStore {
    private record Header(String name, String highestTlp, boolean relayAllowed, boolean membershipHidden) {}

    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcCommunityStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public void save(Community community) {
        Charter charter = community.charter();
        writer.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO communities (name, highest_tlp, relay_allowed, membership_hidden)
                            VALUES (:name, :highestTlp, :relayAllowed, :membershipHidden)
                            ON CONFLICT (name) DO UPDATE SET
                                highest_tlp = excluded.highest_tlp,
                                relay_allowed = excluded.relay_allowed,
                                membership_hidden = excluded.membership_hidden""")
                    .bind("name", community.name())
                    .bind("highestTlp", StoredTlp.of(charter.highestTlp()))
                    .bind("relayAllowed", charter.relayAllowed() ? 1 : 0)
                    .bind("membershipHidden", charter.membershipHidden() ? 1 : 0)
                    .execute();
            deleteChildren(handle, community.name());
            insertChildren(handle, "INSERT INTO community_members (community, member_id) VALUES (:community, :value)",
                    community.name(), charter.members().stream().map(MemberId::value).toList());
            insertChildren(handle, "INSERT INTO community_domains (community, domain) VALUES (:community, :value)",
                    community.name(), List.copyOf(charter.domains()));
        });
    }

    private static void insertChildren(Handle handle, String sql, String community, List<String> values) {
        if (values.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch(sql);
        values.forEach(value -> batch.bind("community", community).bind("value", value).add());
        batch.execute();
    }

    private static void deleteChildren(Handle handle, String community) {
        handle.createUpdate("DELETE FROM community_members WHERE community = :name").bind("name", community).execute();
        handle.createUpdate("DELETE FROM community_domains WHERE community = :name").bind("name", community).execute();
    }

    @Override
    public Optional<Community> find(String name) {
        return reads.inTransaction(handle -> {
            return withCharter(handle, headers(handle, name), name).stream().findFirst();
        });
    }

    @Override
    public List<Community> list() {
        return reads.inTransaction(handle -> withCharter(handle, headers(handle, null), null));
    }

    @Override
    public boolean remove(String name) {
        return writer.inTransaction(handle -> {
            deleteChildren(handle, name);
            return handle.createUpdate("DELETE FROM communities WHERE name = :name").bind("name", name).execute() > 0;
        });
    }

    /** The community named, or all when {@code name} is null. */
    private static List<Header> headers(Handle handle, String name) {
        var query = handle.createQuery("SELECT name, highest_tlp, relay_allowed, membership_hidden FROM communities"
                + (name == null ? "" : " WHERE name = :name") + " ORDER BY name");
        if (name != null) query.bind("name", name);
        return query.map((rs, ctx) -> new Header(
                        rs.getString("name"),
                        rs.getString("highest_tlp"),
                        rs.getInt("relay_allowed") == 1,
                        rs.getInt("membership_hidden") == 1))
                .list();
    }

    /** Reads the members and domains of the community named, or of all when {@code name} is null. */
    private static List<Community> withCharter(Handle handle, List<Header> headers, String name) {
        if (headers.isEmpty()) return List.of();
        String where = name == null ? "" : " WHERE community = :name";
        Map<String, Set<MemberId>> members = new HashMap<>();
        Map<String, Set<String>> domains = new HashMap<>();
        var memberQuery = handle.createQuery("SELECT community, member_id FROM community_members" + where);
        var domainQuery = handle.createQuery("SELECT community, domain FROM community_domains" + where);
        if (name != null) {
            memberQuery.bind("name", name);
            domainQuery.bind("name", name);
        }
        memberQuery.map((rs, ctx) -> Map.entry(rs.getString("community"), rs.getString("member_id")))
                .forEach(row -> members.computeIfAbsent(row.getKey(), k -> new HashSet<>()).add(new MemberId(row.getValue())));
        domainQuery.map((rs, ctx) -> Map.entry(rs.getString("community"), rs.getString("domain")))
                .forEach(row -> domains.computeIfAbsent(row.getKey(), k -> new HashSet<>()).add(row.getValue()));
        return headers.stream()
                .map(header -> new Community(header.name(), new Charter(
                        members.getOrDefault(header.name(), Set.of()),
                        domains.getOrDefault(header.name(), Set.of()),
                        StoredTlp.parse(header.highestTlp()),
                        header.relayAllowed(),
                        header.membershipHidden())))
                .toList();
    }
}
