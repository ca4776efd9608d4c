package org.entente.store;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.policy.MemberId;

/**
 * A member a warning is addressed to, with its own view of the warning (the CAP XML and the STIX report
 * JSON, holding only what the member may see), when it was first delivered, and when and by whom it was
 * acknowledged (null while not).
 */
public record WarningRecipient(
        String warningId, MemberId member, String cap, String report, Instant delivered, Instant acknowledged,
        String acknowledgedBy) {
    public WarningRecipient {
        Objects.requireNonNull(warningId, "warningId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(report, "report");
    }

    /** A recipient not yet delivered to nor acknowledged. */
    public static WarningRecipient addressed(String warningId, MemberId member, String cap, String report) {
        return new WarningRecipient(warningId, member, cap, report, null, null, null);
    }

    public boolean isAcknowledged() {
        return acknowledged != null;
    }
}
