package org.entente.store.jdbc;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.store.Account;
import org.entente.store.AccountStore;
import org.entente.store.Rights;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcAccountStore implements AccountStore {
    private static final RowMapper<Account> ACCOUNT = (rs, ctx) ->
            new Account(rs.getString("name"), rs.getString("password_hash"), rs.getInt("admin") == 1,
                    Optional.ofNullable(rs.getString("member_id")).map(MemberId::new));

    private final Jdbi reads;
    private final SerialWriter writer;
    private final Clock clock;

    JdbcAccountStore(Jdbi reads, SerialWriter writer, Clock clock) {
        this.reads = reads;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void saveUser(Account account) {
        // An upsert, not delete-and-insert: the user's tokens and grants stay.
        writer.useTransaction(handle -> handle.createUpdate("""
                        INSERT INTO users (name, password_hash, admin, member_id) VALUES (:name, :passwordHash, :admin, :member)
                        ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, admin = excluded.admin,
                            member_id = excluded.member_id""")
                .bind("name", account.name())
                .bind("passwordHash", account.passwordHash())
                .bind("admin", account.admin() ? 1 : 0)
                .bind("member", account.member().map(MemberId::value).orElse(null))
                .execute());
    }

    @Override
    public Optional<Account> findUser(String name) {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT name, password_hash, admin, member_id FROM users WHERE name = :name")
                .bind("name", name)
                .map(ACCOUNT)
                .findOne());
    }

    @Override
    public List<Account> listUsers() {
        return reads.withHandle(handle -> handle.createQuery("SELECT name, password_hash, admin, member_id FROM users ORDER BY name")
                .map(ACCOUNT)
                .list());
    }

    @Override
    public void addToken(String tokenHash, String userName, String label) {
        writer.useTransaction(handle -> {
            requireUser(handle, userName);
            handle.createUpdate("""
                            INSERT INTO tokens (token_hash, user_name, label, created)
                            VALUES (:tokenHash, :userName, :label, :created)""")
                    .bind("tokenHash", tokenHash)
                    .bind("userName", userName)
                    .bind("label", label)
                    .bind("created", EpochMicros.of(clock.instant()))
                    .execute();
        });
    }

    @Override
    public Optional<Account> findByTokenHash(String tokenHash) {
        return reads.withHandle(handle -> handle.createQuery("""
                        SELECT u.name, u.password_hash, u.admin, u.member_id
                        FROM tokens t JOIN users u ON u.name = t.user_name
                        WHERE t.token_hash = :tokenHash""")
                .bind("tokenHash", tokenHash)
                .map(ACCOUNT)
                .findOne());
    }

    @Override
    public void grant(String userName, String collectionId, boolean read, boolean write) {
        writer.useTransaction(handle -> {
            requireUser(handle, userName);
            if (!read && !write) {
                handle.createUpdate("DELETE FROM grants WHERE user_name = :userName AND collection_id = :collectionId")
                        .bind("userName", userName)
                        .bind("collectionId", collectionId)
                        .execute();
                return;
            }
            handle.createUpdate("""
                            INSERT INTO grants (user_name, collection_id, can_read, can_write)
                            VALUES (:userName, :collectionId, :read, :write)
                            ON CONFLICT (user_name, collection_id)
                            DO UPDATE SET can_read = excluded.can_read, can_write = excluded.can_write""")
                    .bind("userName", userName)
                    .bind("collectionId", collectionId)
                    .bind("read", read ? 1 : 0)
                    .bind("write", write ? 1 : 0)
                    .execute();
        });
    }

    @Override
    public Rights rights(String userName, String collectionId) {
        return reads.withHandle(handle -> handle.createQuery("""
                        SELECT can_read, can_write FROM grants
                        WHERE user_name = :userName AND collection_id = :collectionId""")
                .bind("userName", userName)
                .bind("collectionId", collectionId)
                .map((rs, ctx) -> new Rights(rs.getInt("can_read") == 1, rs.getInt("can_write") == 1))
                .findOne()
                .orElse(Rights.NONE));
    }

    private static void requireUser(Handle handle, String userName) {
        boolean exists = handle.createQuery("SELECT COUNT(*) FROM users WHERE name = :name")
                .bind("name", userName)
                .mapTo(Integer.class)
                .one() > 0;
        if (!exists) throw new IllegalArgumentException("unknown user: " + userName);
    }
}
