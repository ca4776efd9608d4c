package org.entente.store.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.store.AddressedWarning;
import org.entente.store.StoredWarning;
import org.entente.store.WarningRecipient;
import org.entente.store.WarningStore;
import org.entente.store.WebhookDelivery;
import org.entente.store.WebhookSubscription;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Warnings in {@code warnings}, {@code warning_recipients}, {@code warning_subscriptions} and {@code warning_deliveries}. */
final class JdbcWarningStore implements WarningStore {
    private static final String WARNING_COLUMNS = "w.id, w.rule, w.raised, w.deadline, w.severity, w.exercise, w.escalates, w.escalated";
    private static final String RECIPIENT_COLUMNS =
            "r.warning_id, r.member_id, r.cap, r.report, r.delivered, r.acknowledged, r.acknowledged_by";
    private static final String SUBSCRIPTION_COLUMNS = "s.id, s.member_id, s.url, s.secret, s.created";

    private static final RowMapper<StoredWarning> WARNING = (rs, ctx) -> new StoredWarning(
            rs.getString("id"), rs.getString("rule"), EpochMicros.toInstant(rs.getLong("raised")),
            NullableMicros.read(rs, "deadline"), rs.getString("severity"), rs.getInt("exercise") != 0,
            rs.getString("escalates"), NullableMicros.read(rs, "escalated"));
    private static final RowMapper<WarningRecipient> RECIPIENT = (rs, ctx) -> new WarningRecipient(
            rs.getString("warning_id"), new MemberId(rs.getString("member_id")), rs.getString("cap"),
            rs.getString("report"), NullableMicros.read(rs, "delivered"), NullableMicros.read(rs, "acknowledged"),
            rs.getString("acknowledged_by"));
    private static final RowMapper<AddressedWarning> ADDRESSED = (rs, ctx) ->
            new AddressedWarning(WARNING.map(rs, ctx), RECIPIENT.map(rs, ctx));
    private static final RowMapper<WebhookSubscription> SUBSCRIPTION = (rs, ctx) -> new WebhookSubscription(
            rs.getLong("id"), new MemberId(rs.getString("member_id")), rs.getString("url"), rs.getString("secret"),
            EpochMicros.toInstant(rs.getLong("created")));
    private static final RowMapper<WebhookDelivery> DELIVERY = (rs, ctx) -> new WebhookDelivery(
            SUBSCRIPTION.map(rs, ctx), rs.getString("warning_id"), rs.getInt("attempts"),
            NullableMicros.read(rs, "next_attempt"), rs.getString("last_error"));

    private final Jdbi reads;
    private final SerialWriter writer;
    private final Clock clock;

    JdbcWarningStore(Jdbi reads, SerialWriter writer, Clock clock) {
        this.reads = reads;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public boolean raise(StoredWarning warning, List<WarningRecipient> recipients) {
        for (WarningRecipient r : recipients) {
            if (!r.warningId().equals(warning.id())) {
                throw new IllegalArgumentException("recipient of warning " + r.warningId() + " given with warning " + warning.id());
            }
        }
        return writer.inTransaction(handle -> {
            if (warning.escalates() != null && findWarning(handle, warning.escalates()).isEmpty()) {
                throw new IllegalArgumentException("warning " + warning.id() + " escalates unknown warning " + warning.escalates());
            }
            int inserted = handle.createUpdate("""
                            INSERT INTO warnings (id, rule, raised, deadline, severity, exercise, escalates, escalated)
                            VALUES (:id, :rule, :raised, :deadline, :severity, :exercise, :escalates, :escalated)
                            ON CONFLICT (id) DO NOTHING""")
                    .bind("id", warning.id())
                    .bind("rule", warning.rule())
                    .bind("raised", EpochMicros.of(warning.raised()))
                    .bind("deadline", NullableMicros.of(warning.deadline()))
                    .bind("severity", warning.severity())
                    .bind("exercise", warning.exercise() ? 1 : 0)
                    .bind("escalates", warning.escalates())
                    .bind("escalated", NullableMicros.of(warning.escalated()))
                    .execute();
            if (inserted == 0) return false;
            for (WarningRecipient r : recipients) insertRecipient(handle, r);
            if (warning.escalates() != null) {
                handle.createUpdate("UPDATE warnings SET escalated = :at WHERE id = :id AND escalated IS NULL")
                        .bind("at", EpochMicros.of(warning.raised()))
                        .bind("id", warning.escalates())
                        .execute();
            }
            return true;
        });
    }

    private static void insertRecipient(Handle handle, WarningRecipient r) {
        handle.createUpdate("""
                        INSERT INTO warning_recipients (warning_id, member_id, cap, report, delivered, acknowledged, acknowledged_by)
                        VALUES (:warning, :member, :cap, :report, :delivered, :acknowledged, :by)""")
                .bind("warning", r.warningId())
                .bind("member", r.member().value())
                .bind("cap", r.cap())
                .bind("report", r.report())
                .bind("delivered", NullableMicros.of(r.delivered()))
                .bind("acknowledged", NullableMicros.of(r.acknowledged()))
                .bind("by", r.acknowledgedBy())
                .execute();
        handle.createUpdate("""
                        INSERT INTO warning_deliveries (subscription_id, warning_id, member_id, attempts)
                        SELECT id, :warning, member_id, 0 FROM warning_subscriptions WHERE member_id = :member""")
                .bind("warning", r.warningId())
                .bind("member", r.member().value())
                .execute();
    }

    @Override
    public Optional<StoredWarning> find(String id) {
        return reads.withHandle(handle -> findWarning(handle, id));
    }

    private static Optional<StoredWarning> findWarning(Handle handle, String id) {
        return handle.createQuery("SELECT " + WARNING_COLUMNS + " FROM warnings w WHERE w.id = :id")
                .bind("id", id)
                .map(WARNING)
                .findOne();
    }

    @Override
    public List<AddressedWarning> addressedTo(MemberId member, boolean unacknowledgedOnly) {
        return reads.withHandle(handle -> handle.createQuery("SELECT " + WARNING_COLUMNS + ", " + RECIPIENT_COLUMNS + """
                         FROM warning_recipients r JOIN warnings w ON w.id = r.warning_id
                        WHERE r.member_id = :member""" + (unacknowledgedOnly ? " AND r.acknowledged IS NULL" : "")
                        + " ORDER BY w.raised DESC, w.id")
                .bind("member", member.value())
                .map(ADDRESSED)
                .list());
    }

    @Override
    public Optional<AddressedWarning> addressed(String warningId, MemberId member) {
        return reads.withHandle(handle -> handle.createQuery("SELECT " + WARNING_COLUMNS + ", " + RECIPIENT_COLUMNS + """
                         FROM warning_recipients r JOIN warnings w ON w.id = r.warning_id
                        WHERE r.member_id = :member AND r.warning_id = :warning""")
                .bind("member", member.value())
                .bind("warning", warningId)
                .map(ADDRESSED)
                .findOne());
    }

    @Override
    public List<WarningRecipient> recipients(String warningId) {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT " + RECIPIENT_COLUMNS + " FROM warning_recipients r WHERE r.warning_id = :warning ORDER BY r.member_id")
                .bind("warning", warningId)
                .map(RECIPIENT)
                .list());
    }

    @Override
    public void delivered(String warningId, MemberId member, Instant at) {
        writer.useTransaction(handle -> markDelivered(handle, warningId, member.value(), at));
    }

    private static void markDelivered(Handle handle, String warningId, String member, Instant at) {
        handle.createUpdate("""
                        UPDATE warning_recipients SET delivered = :at
                        WHERE warning_id = :warning AND member_id = :member AND delivered IS NULL""")
                .bind("at", EpochMicros.of(at))
                .bind("warning", warningId)
                .bind("member", member)
                .execute();
    }

    @Override
    public boolean acknowledge(String warningId, MemberId member, String by, Instant at) {
        return writer.inTransaction(handle -> {
            boolean addressed = handle.createQuery(
                            "SELECT COUNT(*) FROM warning_recipients WHERE warning_id = :warning AND member_id = :member")
                    .bind("warning", warningId)
                    .bind("member", member.value())
                    .mapTo(Integer.class)
                    .one() > 0;
            if (!addressed) return false;
            handle.createUpdate("""
                            UPDATE warning_recipients SET acknowledged = :at, acknowledged_by = :by
                            WHERE warning_id = :warning AND member_id = :member AND acknowledged IS NULL""")
                    .bind("at", EpochMicros.of(at))
                    .bind("by", by)
                    .bind("warning", warningId)
                    .bind("member", member.value())
                    .execute();
            return true;
        });
    }

    @Override
    public List<AddressedWarning> acknowledgementsToForward(MemberId member, int limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, not " + limit);
        return reads.withHandle(handle -> handle.createQuery("SELECT " + WARNING_COLUMNS + ", " + RECIPIENT_COLUMNS + """
                         FROM warning_recipients r JOIN warnings w ON w.id = r.warning_id
                        WHERE r.member_id = :member AND r.acknowledged IS NOT NULL AND r.ack_forwarded IS NULL
                        ORDER BY r.acknowledged, r.warning_id
                        LIMIT :limit""")
                .bind("member", member.value())
                .bind("limit", limit)
                .map(ADDRESSED)
                .list());
    }

    @Override
    public void acknowledgementForwarded(String warningId, MemberId member, Instant at) {
        writer.useTransaction(handle -> handle.createUpdate("""
                        UPDATE warning_recipients SET ack_forwarded = :at
                        WHERE warning_id = :warning AND member_id = :member AND acknowledged IS NOT NULL AND ack_forwarded IS NULL""")
                .bind("at", EpochMicros.of(at))
                .bind("warning", warningId)
                .bind("member", member.value())
                .execute());
    }

    @Override
    public long remoteCursor(String collectionId) {
        return reads.withHandle(handle -> handle.createQuery("SELECT last_seq FROM remote_warning_cursors WHERE collection_id = :c")
                .bind("c", collectionId).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public void advanceRemoteCursor(String collectionId, long lastSeq) {
        writer.useTransaction(handle -> handle.createUpdate("""
                        INSERT INTO remote_warning_cursors (collection_id, last_seq) VALUES (:c, :seq)
                        ON CONFLICT (collection_id) DO UPDATE SET last_seq = excluded.last_seq
                        WHERE excluded.last_seq > remote_warning_cursors.last_seq""")
                .bind("c", collectionId).bind("seq", lastSeq).execute());
    }

    @Override
    public List<StoredWarning> overdue(Instant now) {
        return reads.withHandle(handle -> handle.createQuery("SELECT " + WARNING_COLUMNS + """
                         FROM warnings w
                        WHERE w.deadline IS NOT NULL AND w.deadline <= :now AND w.escalated IS NULL
                          AND EXISTS (SELECT 1 FROM warning_recipients r WHERE r.warning_id = w.id AND r.acknowledged IS NULL)
                        ORDER BY w.deadline, w.id""")
                .bind("now", EpochMicros.of(now))
                .map(WARNING)
                .list());
    }

    @Override
    public WebhookSubscription subscribe(MemberId member, String url, String secret) {
        Instant created = clock.instant();
        long id = writer.inTransaction(handle -> handle.createQuery("""
                        INSERT INTO warning_subscriptions (member_id, url, secret, created) VALUES (:member, :url, :secret, :created)
                        RETURNING id""")
                .bind("member", member.value())
                .bind("url", url)
                .bind("secret", secret)
                .bind("created", EpochMicros.of(created))
                .mapTo(Long.class)
                .one());
        return new WebhookSubscription(id, member, url, secret, EpochMicros.toInstant(EpochMicros.of(created)));
    }

    @Override
    public List<WebhookSubscription> subscriptions() {
        return reads.withHandle(handle -> handle.createQuery(
                        "SELECT " + SUBSCRIPTION_COLUMNS + " FROM warning_subscriptions s ORDER BY s.id")
                .map(SUBSCRIPTION)
                .list());
    }

    @Override
    public boolean unsubscribe(long id) {
        return writer.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM warning_deliveries WHERE subscription_id = :id").bind("id", id).execute();
            return handle.createUpdate("DELETE FROM warning_subscriptions WHERE id = :id").bind("id", id).execute() > 0;
        });
    }

    @Override
    public List<WebhookDelivery> dueDeliveries(Instant now, int limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, not " + limit);
        return reads.withHandle(handle -> handle.createQuery("SELECT " + SUBSCRIPTION_COLUMNS + """
                        , d.warning_id, d.attempts, d.next_attempt, d.last_error
                         FROM warning_deliveries d JOIN warning_subscriptions s ON s.id = d.subscription_id
                        WHERE d.delivered IS NULL AND (d.next_attempt IS NULL OR d.next_attempt <= :now)
                        ORDER BY COALESCE(d.next_attempt, 0), d.warning_id, s.id
                        LIMIT :limit""")
                .bind("now", EpochMicros.of(now))
                .bind("limit", limit)
                .map(DELIVERY)
                .list());
    }

    @Override
    public void webhookDelivered(long subscriptionId, String warningId, Instant at) {
        writer.useTransaction(handle -> {
            Optional<String> member = handle.createQuery("""
                            SELECT member_id FROM warning_deliveries
                            WHERE subscription_id = :subscription AND warning_id = :warning AND delivered IS NULL""")
                    .bind("subscription", subscriptionId)
                    .bind("warning", warningId)
                    .mapTo(String.class)
                    .findOne();
            // A repeated confirmation changes nothing.
            if (member.isEmpty()) return;
            handle.createUpdate("""
                            UPDATE warning_deliveries SET delivered = :at, last_error = NULL
                            WHERE subscription_id = :subscription AND warning_id = :warning""")
                    .bind("at", EpochMicros.of(at))
                    .bind("subscription", subscriptionId)
                    .bind("warning", warningId)
                    .execute();
            markDelivered(handle, warningId, member.get(), at);
        });
    }

    @Override
    public void webhookFailed(long subscriptionId, String warningId, Instant nextAttempt, String error) {
        writer.useTransaction(handle -> handle.createUpdate("""
                        UPDATE warning_deliveries SET attempts = attempts + 1, next_attempt = :next, last_error = :error
                        WHERE subscription_id = :subscription AND warning_id = :warning AND delivered IS NULL""")
                .bind("next", NullableMicros.of(nextAttempt))
                .bind("error", error)
                .bind("subscription", subscriptionId)
                .bind("warning", warningId)
                .execute());
    }
}
