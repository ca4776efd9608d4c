package org.entente.server.warn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.AddressedWarning;
import org.entente.store.StoredWarning;
import org.entente.store.WarningRecipient;

/**
 * A warning as one recipient sees it, in JSON: the same body for the REST API, Server-Sent Events and
 * webhooks. Holds the recipient's STIX report and its CAP alert (also served alone as
 * {@code application/cap+xml} at {@code cap_url}).
 */
public final class WarningJson {
    private WarningJson() {}

    public static Map<String, Object> view(AddressedWarning addressed) {
        StoredWarning w = addressed.warning();
        WarningRecipient r = addressed.recipient();
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) StixJson.readTree(r.report().getBytes(StandardCharsets.UTF_8));
        return StixJson.object(
                "id", w.id(),
                "rule", w.rule(),
                "status", w.exercise() ? "Exercise" : "Actual",
                "severity", w.severity(),
                "headline", report.get("name"),
                "raised", text(w.raised()),
                "deadline", text(w.deadline()),
                "escalates", w.escalates(),
                "escalated", text(w.escalated()),
                "member", r.member().value(),
                "delivered", text(r.delivered()),
                "acknowledged", text(r.acknowledged()),
                "acknowledged_by", r.acknowledgedBy(),
                "cap_url", "/api/v1/warnings/" + w.id() + "/cap",
                "report", report,
                "cap", r.cap());
    }

    public static byte[] bytes(AddressedWarning addressed) {
        return StixJson.write(view(addressed));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
