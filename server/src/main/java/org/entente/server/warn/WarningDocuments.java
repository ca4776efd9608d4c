package org.entente.server.warn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.entente.core.cap.Alert;
import org.entente.core.cap.Area;
import org.entente.core.cap.CapTime;
import org.entente.core.cap.Info;
import org.entente.core.cap.MsgType;
import org.entente.core.cap.Parameter;
import org.entente.core.cap.Scope;
import org.entente.core.cap.Status;
import org.entente.core.cap.codec.CapXml;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.UuidV5;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.detect.Evidence;

/**
 * The two forms of one recipient's view of a warning: a CAP 1.2 alert (sender the node's member, scope
 * Restricted, status Actual or Exercise) and a STIX 2.1 report referring to the evidence that recipient may
 * see. Each recipient's report has its own id (UUIDv5 of the warning and the member), because two views of
 * one warning are different objects.
 */
final class WarningDocuments {
    static final String RESTRICTION = "Entente members addressed by this warning; each reads only what the sharing policy lets it see";
    /** The geocode name for a country in the areas of a warning. */
    static final String GEOCODE = "ISO3166-1-alpha-2";
    private static final CapXml CAP = new CapXml();

    private WarningDocuments() {}

    record View(String cap, String report) {}

    /**
     * What every recipient's view of one warning shares: its id, sender, time, whether it is an exercise,
     * its CAP message type and references (an escalation updates the warning it follows up), the rule,
     * the subject and the rule's assessment, and the event it warns of (null for an escalation, which follows
     * up a warning rather than an event): a view with an event carries its CAP alert and event key in the
     * {@link WarningExtension}, so that it can be sent as it is to a recipient on another node. An escalation
     * of a recipient's view names the event of the warning it follows up, whose id is {@code escalates}.
     */
    record Draft(String warningId, Member sender, Instant raised, boolean exercise, MsgType msgType, String references,
                 String rule, String subject, Assessment assessment, EventKey event, String escalates) {
        /** A first warning's draft (it follows up nothing). */
        Draft(String warningId, Member sender, Instant raised, boolean exercise, MsgType msgType, String references,
              String rule, String subject, Assessment assessment, EventKey event) {
            this(warningId, sender, raised, exercise, msgType, references, rule, subject, assessment, event, null);
        }
    }

    /** One recipient's view: the wording for it, the objects it may see and the countries they come from. */
    static View view(Draft draft, MemberId recipient, Wording wording, List<String> objectRefs, Set<String> countries) {
        String reportId = reportId(draft.warningId(), draft.sender().id(), recipient);
        List<Parameter> geocodes = countries.stream().sorted().map(c -> new Parameter(GEOCODE, c)).toList();
        List<Area> areas = countries.isEmpty() ? List.of()
                : List.of(new Area(String.join(", ", countries.stream().sorted().toList()), List.of(), List.of(), geocodes, null, null));
        Assessment a = draft.assessment();
        Info info = new Info(null, List.of(a.category()), a.event(), List.of(), a.urgency(), a.severity(), a.certainty(),
                null, List.of(), null, null, null, draft.sender().name(), wording.headline(), wording.description(),
                null, null, null,
                List.of(new Parameter("entente-rule", draft.rule()), new Parameter("entente-subject", draft.subject()),
                        new Parameter("entente-report", reportId)),
                List.of(), areas);
        Alert alert = new Alert(draft.warningId(), draft.sender().id().value(), CapTime.of(draft.raised()),
                draft.exercise() ? Status.Exercise : Status.Actual, draft.msgType(), null, Scope.Restricted, RESTRICTION,
                null, List.of(), null, draft.references(), null, List.of(info));
        Map<String, Object> report = report(reportId, draft.sender().id(), draft.raised(), wording,
                List.copyOf(new LinkedHashSet<>(objectRefs)), draft.exercise(), draft.rule());
        String cap = CAP.writeString(alert);
        if (draft.event() != null) {
            report.put("extensions", WarningExtension.of(draft.sender().id(), new WarningExtension.Content(
                    draft.warningId(), recipient, draft.rule(), a.severity().name(), draft.event(), cap, draft.escalates())));
        }
        return new View(cap, StixJson.writeString(report));
    }

    /** A recipient's view built from the evidence it may see. */
    static View view(Draft draft, MemberId recipient, Wording wording, List<Evidence> visible) {
        List<String> refs = new ArrayList<>();
        Set<String> countries = new TreeSet<>();
        for (Evidence e : visible) {
            refs.add(e.objectId());
            countries.add(e.member().country());
        }
        return view(draft, recipient, wording, refs, countries);
    }

    static Map<String, Object> report(String reportId, MemberId sender, Instant raised, Wording wording, List<String> refs,
                                      boolean exercise, String rule) {
        String time = StixTimestamp.ofMillis(raised).toString();
        List<String> labels = new ArrayList<>(List.of("entente-warning", rule));
        if (exercise) labels.add("exercise");
        return StixJson.object(
                "type", "report", "spec_version", "2.1", "id", reportId, "created", time, "modified", time,
                "created_by_ref", sender.value(), "name", wording.headline(), "description", wording.description(),
                "report_types", List.of("threat-report"), "published", time, "object_refs", refs, "labels", labels);
    }

    /**
     * The id of {@code sender}'s report of a warning for {@code recipient}. Two nodes that warn of one event in the
     * same hour raise warnings of one id ({@link EventKey}), but each view is its sender's own STIX object (an id
     * names one creator's object, STIX 2.1 section 3.6), so the recipient's node stores both and can send each
     * sender its acknowledgement.
     */
    static String reportId(String warningId, MemberId sender, MemberId recipient) {
        String name = sender.value() + '\n' + recipient.value();
        return "report--" + UuidV5.of(UUID.fromString(warningId), name.getBytes(StandardCharsets.UTF_8));
    }

    static CapXml cap() {
        return CAP;
    }
}
