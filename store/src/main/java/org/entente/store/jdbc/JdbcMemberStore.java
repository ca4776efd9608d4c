package org.entente.store.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.store.MemberStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcMemberStore implements MemberStore {
    private static final String MEMBER_COLUMNS = "m.id, m.name, m.country, m.level, m.sector";
    private static final RowMapper<Member> MEMBER = (rs, ctx) -> new Member(
            new MemberId(rs.getString("id")),
            rs.getString("name"),
            rs.getString("country"),
            Level.valueOf(rs.getString("level").toUpperCase(Locale.ROOT)),
            rs.getString("sector"));

    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcMemberStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public void save(Member member) {
        // An upsert, not delete-and-insert: the member's keys and the local marker stay.
        writer.useTransaction(handle -> handle.createUpdate("""
                        INSERT INTO members (id, name, country, level, sector)
                        VALUES (:id, :name, :country, :level, :sector)
                        ON CONFLICT (id) DO UPDATE SET
                            name = excluded.name,
                            country = excluded.country,
                            level = excluded.level,
                            sector = excluded.sector""")
                .bind("id", member.id().value())
                .bind("name", member.name())
                .bind("country", member.country())
                .bind("level", member.level().name().toLowerCase(Locale.ROOT))
                .bind("sector", member.sector())
                .execute());
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT " + MEMBER_COLUMNS + " FROM members m WHERE m.id = :id")
                .bind("id", id.value())
                .map(MEMBER)
                .findOne());
    }

    @Override
    public List<Member> list() {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT " + MEMBER_COLUMNS + " FROM members m ORDER BY m.name, m.id")
                .map(MEMBER)
                .list());
    }

    @Override
    public void setLocal(MemberId id) {
        writer.useTransaction(handle -> {
            requireMember(handle, id);
            Optional<String> current = handle.createQuery("SELECT member_id FROM local_member WHERE id = 1")
                    .mapTo(String.class)
                    .findOne();
            if (current.isEmpty()) {
                handle.createUpdate("INSERT INTO local_member (id, member_id) VALUES (1, :member)")
                        .bind("member", id.value())
                        .execute();
            } else if (!current.get().equals(id.value())) {
                // The node's identity is what peers pinned and what its signatures name: it never changes.
                throw new IllegalStateException(
                        "this node already acts for " + current.get() + "; it cannot become " + id.value());
            }
        });
    }

    @Override
    public Optional<Member> local() {
        return reads.withHandle(handle -> handle.createQuery("SELECT " + MEMBER_COLUMNS
                        + " FROM local_member l JOIN members m ON m.id = l.member_id WHERE l.id = 1")
                .map(MEMBER)
                .findOne());
    }

    @Override
    public void saveKeyChain(MemberId member, byte[] chain) {
        writer.useTransaction(handle -> {
            requireMember(handle, member);
            handle.createUpdate("""
                            INSERT INTO member_key_chains (member_id, chain) VALUES (:member, :chain)
                            ON CONFLICT (member_id) DO UPDATE SET chain = excluded.chain""")
                    .bind("member", member.value())
                    .bind("chain", chain)
                    .execute();
        });
    }

    @Override
    public Optional<byte[]> keyChain(MemberId member) {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT chain FROM member_key_chains WHERE member_id = :member")
                .bind("member", member.value())
                .mapTo(byte[].class)
                .findOne());
    }

    private static void requireMember(Handle handle, MemberId id) {
        boolean exists = handle.createQuery("SELECT COUNT(*) FROM members WHERE id = :id")
                .bind("id", id.value())
                .mapTo(Integer.class)
                .one() > 0;
        if (!exists) throw new IllegalArgumentException("unknown member: " + id.value());
    }
}
