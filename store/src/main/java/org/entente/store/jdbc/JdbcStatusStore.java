package org.entente.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.store.StatusRecord;
import org.entente.store.StatusRecord.Detail;
import org.entente.store.StatusStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

final class JdbcStatusStore implements StatusStore {
    private static final String SUCCESS = "success";
    private static final String FAILURE = "failure";
    private static final String PENDING = "pending";

    private record OutcomeDetail(String outcome, Detail detail) {}

    private record Header(String id, String owner, String status, Long requestTimestamp, int totalCount) {}

    private final Jdbi reads;
    private final SerialWriter writer;

    JdbcStatusStore(Jdbi reads, SerialWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public void save(StatusRecord status) {
        writer.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO statuses (id, owner, status, request_timestamp, total_count)
                            VALUES (:id, :owner, :status, :requestTimestamp, :totalCount)
                            ON CONFLICT (id) DO UPDATE SET
                                owner = excluded.owner,
                                status = excluded.status,
                                request_timestamp = excluded.request_timestamp,
                                total_count = excluded.total_count""")
                    .bind("id", status.id())
                    .bind("owner", status.owner())
                    .bind("status", status.status())
                    .bind("requestTimestamp",
                            status.requestTimestamp() == null ? null : EpochMicros.of(status.requestTimestamp()))
                    .bind("totalCount", status.totalCount())
                    .execute();
            handle.createUpdate("DELETE FROM status_details WHERE status_id = :id").bind("id", status.id()).execute();
            PreparedBatch details = handle.prepareBatch("""
                    INSERT INTO status_details (status_id, outcome, position, object_id, version, message)
                    VALUES (:statusId, :outcome, :position, :objectId, :version, :message)""");
            Map.of(SUCCESS, status.successes(), FAILURE, status.failures(), PENDING, status.pendings())
                    .forEach((outcome, list) -> {
                        for (int position = 0; position < list.size(); position++) {
                            Detail detail = list.get(position);
                            details.bind("statusId", status.id())
                                    .bind("outcome", outcome)
                                    .bind("position", position)
                                    .bind("objectId", detail.id())
                                    .bind("version", detail.version())
                                    .bind("message", detail.message())
                                    .add();
                        }
                    });
            if (details.size() > 0) details.execute();
        });
    }

    @Override
    public Optional<StatusRecord> find(String id) {
        return reads.inTransaction(handle -> header(handle, id).map(header -> withDetails(handle, header)));
    }

    private static Optional<Header> header(Handle handle, String id) {
        return handle.createQuery(
                        "SELECT id, owner, status, request_timestamp, total_count FROM statuses WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Header(
                        rs.getString("id"),
                        rs.getString("owner"),
                        rs.getString("status"),
                        rs.getObject("request_timestamp") == null ? null : rs.getLong("request_timestamp"),
                        rs.getInt("total_count")))
                .findOne();
    }

    private static StatusRecord withDetails(Handle handle, Header header) {
        List<Detail> successes = new ArrayList<>();
        List<Detail> failures = new ArrayList<>();
        List<Detail> pendings = new ArrayList<>();
        Map<String, List<Detail>> byOutcome = Map.of(SUCCESS, successes, FAILURE, failures, PENDING, pendings);
        handle.createQuery("""
                        SELECT outcome, object_id, version, message FROM status_details
                        WHERE status_id = :id ORDER BY outcome, position""")
                .bind("id", header.id())
                .map((rs, ctx) -> new OutcomeDetail(rs.getString("outcome"),
                        new Detail(rs.getString("object_id"), rs.getString("version"), rs.getString("message"))))
                .forEach(row -> byOutcome.get(row.outcome()).add(row.detail()));
        return new StatusRecord(
                header.id(),
                header.owner(),
                header.status(),
                header.requestTimestamp() == null ? null : EpochMicros.toInstant(header.requestTimestamp()),
                header.totalCount(),
                successes,
                failures,
                pendings);
    }
}
