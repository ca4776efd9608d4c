package org.entente.server.warn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.UuidV5;
import org.entente.core.stix.codec.StixJson;

/**
 * The STIX property-extension (STIX 2.1 §7.3) by which a warning report carries what a recipient's node needs
 * to hold it as a warning: the CAP 1.2 alert (as XML), the warning id, the member it is addressed to, its rule
 * and severity, and its {@link EventKey}. Each sender defines the extension under its own identity (an
 * extension-definition's {@code created_by_ref} is its sender, and only an object's origin may share it), so
 * the definition's id is derived from the sender; a receiver accepts a report's extension only under its
 * sender's definition id.
 */
final class WarningExtension {
    static final String VERSION_TIME = "2026-01-01T00:00:00.000Z";

    private WarningExtension() {}

    /**
     * What a warning report's extension says. {@code rule} is the warning's rule and {@code event} the event it
     * warns of; they differ for an escalation (rule {@link Escalation#RULE}), whose event is that of the warning
     * it follows up, {@code escalates} (null for a first warning).
     */
    record Content(String warningId, MemberId recipient, String rule, String severity, EventKey event, String capXml,
                   String escalates) {
        boolean isEscalation() {
            return escalates != null;
        }
    }

    /** The id of the extension-definition a member's warnings are carried under. */
    static String definitionId(MemberId sender) {
        return "extension-definition--" + UuidV5.of(EventKey.NAMESPACE,
                ("extension-definition\n" + sender.value()).getBytes(StandardCharsets.UTF_8));
    }

    /** The sender's extension-definition (§7.3): one version, the same every time it is shared. */
    static StixObject definition(MemberId sender) {
        return StixObject.of("type", "extension-definition", "spec_version", "2.1", "id", definitionId(sender),
                "created", VERSION_TIME, "modified", VERSION_TIME, "created_by_ref", sender.value(),
                "name", "Entente warning",
                "description", "A warning addressed to one member: its CAP 1.2 alert and what makes it one event.",
                "schema", "Properties: warning_id (the CAP identifier), recipient_ref (identity addressed), rule, severity "
                        + "(CAP), event_subject, event_hour (RFC 3339, on the hour), exercise (boolean), cap_xml (the CAP 1.2 alert); "
                        + "for an escalation also escalates (the warning_id it follows up) and event_rule (that warning's rule).",
                "version", "1.0.0", "extension_types", java.util.List.of("property-extension"));
    }

    /** The extension's entry in a report's {@code extensions}, keyed by the sender's definition id. */
    static Map<String, Object> of(MemberId sender, Content c) {
        Map<String, Object> extension = StixJson.object(
                "extension_type", "property-extension", "warning_id", c.warningId(), "recipient_ref", c.recipient().value(),
                "rule", c.rule(), "severity", c.severity(), "event_subject", c.event().subject(),
                "event_hour", StixTimestamp.ofMillis(c.event().hour()).toString(), "exercise", c.event().exercise(),
                "cap_xml", c.capXml());
        if (c.isEscalation()) {
            extension.put("escalates", c.escalates());
            extension.put("event_rule", c.event().rule());
        }
        return StixJson.object(definitionId(sender), extension);
    }

    /**
     * The extension of a warning report, read under its sender's definition id; empty when the object is not
     * a report carrying one, or the extension is incomplete.
     */
    static Optional<Content> read(StixObject report) {
        if (!report.type().equals("report")) return Optional.empty();
        Optional<String> sender = report.string("created_by_ref");
        if (sender.isEmpty() || !(report.get("extensions") instanceof Map<?, ?> extensions)) return Optional.empty();
        if (!(extensions.get(definitionId(new MemberId(sender.get()))) instanceof Map<?, ?> e)) return Optional.empty();
        try {
            Instant hour = StixTimestamp.parse(text(e, "event_hour")).instant();
            String rule = text(e, "rule");
            String escalates = e.containsKey("escalates") ? text(e, "escalates") : null;
            String eventRule = escalates != null ? text(e, "event_rule") : rule;
            EventKey event = new EventKey(eventRule, text(e, "event_subject"), Boolean.TRUE.equals(e.get("exercise")), hour);
            return Optional.of(new Content(text(e, "warning_id"), new MemberId(text(e, "recipient_ref")), rule,
                    text(e, "severity"), event, text(e, "cap_xml"), escalates));
        } catch (RuntimeException incomplete) {
            return Optional.empty();
        }
    }

    private static String text(Map<?, ?> extension, String name) {
        if (extension.get(name) instanceof String s && !s.isBlank()) return s;
        throw new IllegalArgumentException("warning extension without " + name);
    }
}
