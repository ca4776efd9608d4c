package org.entente.server.warn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.core.cap.Alert;
import org.entente.core.cap.Category;
import org.entente.core.cap.Certainty;
import org.entente.core.cap.Info;
import org.entente.core.cap.MsgType;
import org.entente.core.cap.Parameter;
import org.entente.core.cap.Severity;
import org.entente.core.cap.Urgency;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.UuidV5;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.StoredWarning;
import org.entente.store.WarningRecipient;

/**
 * The follow-up of a warning that stayed unacknowledged past its deadline: one step more severe, CAP
 * {@code msgType} Update referring to the original, addressed to the recipients that did not acknowledge
 * (each reading its own view of the original again, nothing more), and to the node's own member as the
 * escalation contact, which is told who did not acknowledge: it addressed them itself, so it learns nothing
 * the policy hides. A recipient's view carries the {@link WarningExtension} naming the original's event and
 * id, so that a recipient on another node can be sent it and its node can show it once per event.
 *
 * <p>An escalation's id derives from the original's id and the escalating member ({@link #id}): a node escalates
 * a warning once, and a recipient's node that holds one peer's escalation of an event can name the views of
 * every other peer's escalation of it, so that its member's acknowledgement reaches each of them.
 */
final class Escalation {
    static final String RULE = "escalation";

    private Escalation() {}

    record FollowUp(StoredWarning warning, List<WarningRecipient> recipients) {}

    /** The id of {@code sender}'s escalation of its warning {@code originalId} (UUIDv5 in {@link EventKey#NAMESPACE}). */
    static String id(String originalId, MemberId sender) {
        String name = RULE + '\n' + originalId + '\n' + sender.value();
        return UuidV5.of(EventKey.NAMESPACE, name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static FollowUp of(StoredWarning original, List<WarningRecipient> recipients, Member sender, Instant now) {
        String id = id(original.id(), sender.id());
        Severity severity = Severity.valueOf(original.severity()).escalated();
        List<WarningRecipient> unacknowledged = recipients.stream().filter(r -> !r.isAcknowledged()).toList();
        List<WarningRecipient> followUps = new ArrayList<>();
        String references = null;
        for (WarningRecipient r : unacknowledged) {
            Alert alert = WarningDocuments.cap().read(r.cap());
            references = alert.reference();
            followUps.add(view(id, original, severity, sender, now, r, alert));
        }
        boolean contactIsRecipient = unacknowledged.stream().anyMatch(r -> r.member().equals(sender.id()));
        if (!contactIsRecipient) followUps.add(contactView(id, original, severity, sender, now, recipients, unacknowledged, references));
        StoredWarning warning = new StoredWarning(id, RULE, now, null, severity.name(), original.exercise(), original.id(), null);
        return new FollowUp(warning, followUps);
    }

    /** The recipient's own view of the original again, more severe and marked as not acknowledged. */
    private static WarningRecipient view(String id, StoredWarning original, Severity severity, Member sender, Instant now,
                                         WarningRecipient r, Alert alert) {
        Info info = alert.infos().get(0);
        Assessment assessment = new Assessment(info.event(), info.categories().get(0), info.urgency(), severity, info.certainty());
        Wording wording = new Wording("Not acknowledged: " + info.headline(),
                info.description() + " Not acknowledged by its deadline " + original.deadline() + "; escalated to " + severity + ".");
        String subject = parameter(info, "entente-subject");
        // The original view's event (every view of a rule's warning carries it); null leaves the view without the extension.
        EventKey event = WarningExtension.read(StixJson.readObject(r.report().getBytes(StandardCharsets.UTF_8)))
                .map(WarningExtension.Content::event).orElse(null);
        WarningDocuments.Draft draft = new WarningDocuments.Draft(id, sender, now, original.exercise(), MsgType.Update,
                alert.reference(), RULE, subject, assessment, event, original.id());
        Set<String> countries = new TreeSet<>();
        info.areas().forEach(a -> a.geocodes().forEach(g -> countries.add(g.value())));
        WarningDocuments.View v = WarningDocuments.view(draft, r.member(), wording, objectRefs(r.report()), countries);
        return WarningRecipient.addressed(id, r.member(), v.cap(), v.report());
    }

    private static WarningRecipient contactView(String id, StoredWarning original, Severity severity, Member sender, Instant now,
                                                List<WarningRecipient> all, List<WarningRecipient> unacknowledged, String references) {
        Assessment assessment = new Assessment("Warning not acknowledged", Category.Security, Urgency.Immediate, severity,
                Certainty.Observed);
        List<String> missing = unacknowledged.stream().map(r -> r.member().value()).toList();
        Wording wording = new Wording("Warning " + original.id() + " not acknowledged by " + missing.size() + " of " + all.size() + " recipients",
                "Warning " + original.id() + " (" + original.rule() + ", " + original.severity() + ") was not acknowledged by its deadline "
                        + original.deadline() + " by: " + String.join(", ", missing) + ".");
        WarningDocuments.Draft draft = new WarningDocuments.Draft(id, sender, now, original.exercise(), MsgType.Update,
                references, RULE, original.id(), assessment, null);
        List<String> refs = unacknowledged.stream().map(r -> WarningDocuments.reportId(original.id(), sender.id(), r.member())).toList();
        WarningDocuments.View v = WarningDocuments.view(draft, sender.id(), wording, refs, Set.of());
        return WarningRecipient.addressed(id, sender.id(), v.cap(), v.report());
    }

    private static String parameter(Info info, String name) {
        return info.parameters().stream().filter(p -> p.valueName().equals(name)).map(Parameter::value).findFirst().orElse(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> objectRefs(String report) {
        Map<String, Object> tree = (Map<String, Object>) StixJson.readTree(report.getBytes(StandardCharsets.UTF_8));
        return (List<String>) tree.get("object_refs");
    }
}
