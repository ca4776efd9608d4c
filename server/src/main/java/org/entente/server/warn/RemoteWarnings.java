package org.entente.server.warn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.UuidV5;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.server.detect.Evidence;
import org.entente.server.index.StoreFollower;
import org.entente.store.AddressedWarning;
import org.entente.store.CollectionInfo;
import org.entente.store.ObjectQuery;
import org.entente.store.SeqPage;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.entente.store.StoredWarning;
import org.entente.store.VersionInCollection;
import org.entente.store.WarningRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings across nodes. Sending: a recipient on another node is sent its own view of a warning (its STIX
 * report, carrying its CAP alert in the {@link WarningExtension}, with the sender's extension-definition),
 * shared with that member by name under the strictest TLP of the evidence it may see; when the warning
 * escalates unacknowledged, the recipient is sent its view of the escalation under the labels of its view of
 * the original. Receiving: following the object store, a warning report a peer addressed to this node's member
 * is held as a warning here and delivered to its subscribers, unless a warning for the same event is held
 * already ({@link EventKey}); an escalation is held and delivered unless this node raised its own warning of
 * the event (it escalates that itself), the member acknowledged the event here, or an escalation of the event
 * is held already (from any peer). Acknowledging: when this node's member acknowledges a warning, every peer
 * that addressed it a view of the same event (for an escalation: every peer that escalated the event, whether
 * its escalation was shown here or held back as a duplicate) is sent a STIX note on its view (which flows back
 * to the view's origin as notes do), once per view, and the peer records the acknowledgement of the member the
 * note comes from. A view's id derives from its warning's id, its sender and its recipient
 * ({@link WarningDocuments#reportId}), and an escalation's id from the original's id and the escalating member
 * ({@link Escalation#id}), so the views every peer sent of an event, first warnings and escalations alike, are
 * found by id, even two peers' warnings of one id (the same event in the same hour). A peer's escalation that
 * arrives after the member acknowledged the event here (its warning, or another peer's escalation of it) is not
 * shown, and its peer is sent the acknowledgement at once.
 *
 * <p>Two things survive a restart in the store. The follower's cursor per collection (the last seq whose
 * reports and notes were handled): a restart resumes after it. Acknowledgements not yet sent back: whichever
 * process recorded them (the node's REST API, or {@code entente warnings ack} on the same store while the
 * node runs), the node takes them from the store at each poll and marks them sent.
 */
final class RemoteWarnings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteWarnings.class);
    static final String ACKNOWLEDGEMENT = "entente-acknowledgement";
    static final String WARNING_REFERENCE = "entente-warning";
    private static final Set<String> TYPES = Set.of("report", "note");
    private static final int BATCH = 500;

    interface Factory {
        RemoteWarnings create(Warnings warnings);
    }

    private final Store store;
    private final Warnings warnings;
    private final WarningPeers peers;
    private final Supplier<MemberId> local;
    private final Map<String, Long> cursors = new HashMap<>();
    private StoreFollower follower;
    private ScheduledExecutorService acknowledgementPoll;
    /** A lock rather than {@code synchronized}: request threads are virtual. */
    private final ReentrantLock forwarding = new ReentrantLock();

    RemoteWarnings(Store store, Warnings warnings, WarningPeers peers, Supplier<MemberId> local) {
        this.store = store;
        this.warnings = warnings;
        this.peers = peers;
        this.local = local;
    }

    /**
     * Follows the object store from the stored cursors, and polls the store every {@code interval} for
     * acknowledgements of this member not yet sent back (at once too: those recorded while the node did not run).
     */
    void start(Duration interval) {
        follower = StoreFollower.start("remote-warnings", store.objects(), interval, this::catchUp);
        acknowledgementPoll = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("acknowledgement-poll").daemon().factory());
        acknowledgementPoll.scheduleWithFixedDelay(() -> {
            try {
                forwardAcknowledgements();
            } catch (RuntimeException e) {
                LOG.warn("sending acknowledgements back failed; trying again at the next poll", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (acknowledgementPoll != null) acknowledgementPoll.shutdownNow();
        if (follower != null) follower.close();
    }

    // --- sending

    /** Sends a recipient on another node its view, under the strictest TLP of the evidence it may see. */
    void send(WarningRecipient view, List<Evidence> visible) {
        Tlp tlp = Tlp.CLEAR;
        for (Evidence e : visible) if (!e.labels().tlp().atMost(tlp)) tlp = e.labels().tlp();
        String domain = visible.isEmpty() ? "cyber" : visible.get(0).labels().domain();
        StixObject report = parse(view.report()).orElseThrow();
        try {
            peers.send(view.member(), List.of(WarningExtension.definition(local.get()), report), tlp, domain);
        } catch (RuntimeException e) {
            // The warning stands here; its recipient's node does not learn of it (logged, not retried).
            LOG.warn("warning {} could not be sent to {}", view.warningId(), view.member(), e);
        }
    }

    /**
     * Sends the escalation views of the recipients on other nodes ({@code followUps}), each under the labels of
     * its view of the original ({@code originals}); a view without the {@link WarningExtension} stays here.
     */
    void sendEscalation(List<WarningRecipient> originals, List<WarningRecipient> followUps) {
        MemberId self = local.get();
        for (WarningRecipient followUp : followUps) {
            if (followUp.member().equals(self)) continue;
            Optional<StixObject> report = parse(followUp.report()).filter(r -> WarningExtension.read(r).isPresent());
            Optional<StixObject> original = originals.stream().filter(o -> o.member().equals(followUp.member())).findFirst()
                    .flatMap(o -> parse(o.report()));
            if (report.isEmpty() || original.isEmpty()) continue;
            Optional<SharingLabels> labels = labelsOf(original.get());
            try {
                peers.send(followUp.member(), List.of(WarningExtension.definition(self), report.get()),
                        labels.map(SharingLabels::tlp).orElse(Tlp.AMBER), labels.map(SharingLabels::domain).orElse("cyber"));
            } catch (RuntimeException e) {
                LOG.warn("escalation {} could not be sent to {}", followUp.warningId(), followUp.member(), e);
            }
        }
    }

    /**
     * Sends back the acknowledgements of this member recorded on the store and not yet sent, by any process,
     * and marks them sent (one caller at a time, so none is sent twice). One that cannot be sent stays
     * waiting, and the rest wait with it for the next poll.
     */
    void forwardAcknowledgements() {
        MemberId self = local.get();
        forwarding.lock();
        try {
            List<AddressedWarning> waiting;
            do {
                waiting = warnings.acknowledgementsToForward(self, BATCH);
                for (AddressedWarning w : waiting) {
                    acknowledged(w);
                    warnings.acknowledgementForwarded(w.warning().id(), self);
                }
            } while (waiting.size() == BATCH);
        } finally {
            forwarding.unlock();
        }
    }

    /** Tells every peer that addressed this member a view of the acknowledged warning's event. */
    private void acknowledged(AddressedWarning acknowledged) {
        Optional<WarningExtension.Content> content = parse(acknowledged.recipient().report()).flatMap(WarningExtension::read);
        if (content.isEmpty()) return; // no view of it came from a peer (the contact's view of an escalation raised here)
        MemberId self = local.get();
        Set<String> viewIds = new HashSet<>();
        for (MemberId peer : peerMembers()) {
            // Each peer's view of the event's warning, or of its escalation, whether shown here or held back as a duplicate.
            for (String original : content.get().event().sameEventIds()) {
                String id = content.get().isEscalation() ? Escalation.id(original, peer) : original;
                viewIds.add(WarningDocuments.reportId(id, peer, self));
            }
        }
        // The view shown, whatever its id (an escalation raised before escalation ids were derived had a random one).
        viewIds.add(parse(acknowledged.recipient().report()).map(StixObject::id).orElseThrow());
        for (CollectionInfo c : store.collections().list()) {
            for (StoredVersion v : store.objects().find(c.id(), ObjectQuery.latest().withIds(viewIds).withTypes(Set.of("report"))).items()) {
                parse(v.json()).ifPresent(view -> acknowledge(view, acknowledged.recipient()));
            }
        }
    }

    /** The members this node knows besides its own: those that may have sent it views. */
    private List<MemberId> peerMembers() {
        MemberId self = local.get();
        return store.members().list().stream().map(Member::id).filter(m -> !m.equals(self)).toList();
    }

    /**
     * The ids every peer's escalation of a warning of the event would have ({@link Escalation#id}): of each
     * member's warning of it in its hour or an adjacent one (each peer escalates its own warning of the event).
     */
    private List<String> escalationIds(EventKey event) {
        List<String> ids = new ArrayList<>();
        for (MemberId peer : peerMembers()) {
            for (String original : event.sameEventIds()) ids.add(Escalation.id(original, peer));
        }
        return ids;
    }

    /**
     * Sends the view's origin a note that {@code by} acknowledged it, once: the note's id derives from the view's
     * (so each peer's view gets its own), and one that this node stored already is not sent again. Callers on
     * the follower's thread and the acknowledgement poll take turns, so two never both find it unsent.
     */
    private void acknowledge(StixObject view, WarningRecipient by) {
        forwarding.lock();
        try {
            acknowledgeOnce(view, by);
        } finally {
            forwarding.unlock();
        }
    }

    private void acknowledgeOnce(StixObject view, WarningRecipient by) {
        Optional<WarningExtension.Content> content = WarningExtension.read(view);
        MemberId origin = store.shares().originsOf(List.of(view.id())).get(view.id());
        if (content.isEmpty() || origin == null || origin.equals(local.get())) return;
        String noteId = "note--" + UuidV5.of(EventKey.NAMESPACE, ("acknowledgement\n" + view.id()).getBytes(StandardCharsets.UTF_8));
        if (store.shares().originsOf(List.of(noteId)).containsKey(noteId)) return; // sent before (a repeated acknowledgement)
        String at = StixTimestamp.ofMillis(by.acknowledged()).toString();
        StixObject note = StixObject.of("type", "note", "spec_version", "2.1", "id", noteId,
                "created", at, "modified", at, "created_by_ref", local.get().value(),
                "abstract", "Acknowledged", "content", "Warning acknowledged by " + by.acknowledgedBy() + ".",
                "authors", List.of(by.acknowledgedBy()), "object_refs", List.of(view.id()), "labels", List.of(ACKNOWLEDGEMENT),
                "external_references", List.of(StixJson.object("source_name", WARNING_REFERENCE, "external_id", content.get().warningId())));
        Optional<SharingLabels> labels = labelsOf(view);
        peers.send(origin, List.of(note), labels.map(SharingLabels::tlp).orElse(Tlp.AMBER), labels.map(SharingLabels::domain).orElse("cyber"));
        LOG.info("acknowledgement of warning {} sent back to {}", content.get().warningId(), origin);
    }

    private Optional<SharingLabels> labelsOf(StixObject object) {
        VersionRef ref = new VersionRef(object.id(), object.version().map(StixTimestamp::instant).orElse(null));
        return store.shares().sharesOf(List.of(ref)).getOrDefault(ref, List.of()).stream().map(Share::labels).findFirst();
    }

    // --- receiving

    /**
     * Handles the reports and notes stored since the last round (each stored with its sharing labels), in one
     * pass over the store from the lowest of the collections' cursors: each version is handled if it lies after
     * its own collection's cursor. Read with {@link org.entente.store.ObjectStore#versionsAfterSeq}, whose
     * {@code readTo} moves past the versions of other types: a page of a collection found by type alone never
     * moved the cursor while no report or note arrived, so every round scanned the collection from its last
     * report on, and a bulk sync of 1M objects spent more of the receiver's time here than in committing
     * (docs/PERFORMANCE.md, "6 after branch receive-lean"). A collection's cursor is stored only when a page held
     * something of it to handle; a restart may scan the versions after it once more.
     */
    void catchUp() {
        for (CollectionInfo c : store.collections().list()) cursors.computeIfAbsent(c.id(), store.warnings()::remoteCursor);
        if (cursors.isEmpty()) return;
        SeqPage page;
        do {
            long from = cursors.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            page = store.objects().versionsAfterSeq(from, TYPES, BATCH);
            List<StixObject> objects = new ArrayList<>();
            Set<String> handledIn = new HashSet<>();
            for (VersionInCollection v : page.versions()) {
                StoredVersion stored = v.version();
                Long cursor = cursors.get(v.collectionId());
                if (cursor == null || stored.seq() <= cursor) continue;
                handledIn.add(v.collectionId());
                objects.add(parse(stored.json()).orElse(StixObject.of("type", stored.type(), "id", stored.id())));
            }
            if (!objects.isEmpty()) {
                Map<String, MemberId> origins = store.shares().originsOf(objects.stream().map(StixObject::id).toList());
                for (StixObject o : objects) {
                    MemberId origin = origins.get(o.id());
                    if (origin != null && !origin.equals(local.get())) handle(o, origin);
                }
                // Handling is idempotent, so a crash before this line handles the page again and no harm is done.
                for (String collection : handledIn) store.warnings().advanceRemoteCursor(collection, page.readTo());
            }
            long readTo = page.readTo();
            cursors.replaceAll((collection, cursor) -> Math.max(cursor, readTo));
        } while (page.more());
    }

    private void handle(StixObject object, MemberId origin) {
        if (object.type().equals("report")) WarningExtension.read(object).ifPresent(c -> receive(object, c, origin));
        else if (object.list("labels").contains(ACKNOWLEDGEMENT)) acknowledgement(object, origin);
    }

    private void receive(StixObject report, WarningExtension.Content c, MemberId origin) {
        MemberId self = local.get();
        if (!c.recipient().equals(self)) return;
        if (!report.string("created_by_ref").orElse("").equals(origin.value())
                || !report.id().equals(WarningDocuments.reportId(c.warningId(), origin, self))) {
            LOG.warn("warning report {} from {} does not match its extension; ignored", report.id(), origin);
            return;
        }
        if (c.isEscalation()) {
            receiveEscalation(report, c, origin);
            return;
        }
        // Only a warning of the event that this member was shown makes the peer's a duplicate.
        Optional<StoredWarning> held = warnings.sameEvent(c.event());
        Optional<AddressedWarning> mine = held.flatMap(h -> warnings.addressed(h.id(), self));
        if (mine.isPresent()) {
            boolean thisView = parse(mine.get().recipient().report()).map(r -> r.id().equals(report.id())
                    && r.string("created_by_ref").equals(Optional.of(origin.value()))).orElse(false);
            if (thisView) return;
            LOG.info("warning {} from {} is of an event already warned of as {}; not shown twice", c.warningId(), origin, held.get().id());
            if (mine.get().recipient().isAcknowledged()) acknowledge(report, mine.get().recipient());
            return;
        }
        Instant raised = report.created().map(StixTimestamp::instant).orElseThrow();
        StoredWarning warning = new StoredWarning(c.warningId(), c.rule(), raised, null, c.severity(), c.event().exercise(), null, null);
        if (!warnings.hold(warning, WarningRecipient.addressed(c.warningId(), self, c.capXml(), StixJson.writeString(report.properties())))) {
            LOG.warn("warning {} from {} not held: this node raised a warning with that id not addressed to its member", c.warningId(), origin);
        }
    }

    /**
     * Holds a peer's escalation of a warning of an event shown here, as a follow-up of the warning held for
     * that event, unless that one was raised here (this node escalates its own), was acknowledged here, or was
     * followed up already (by this or another peer's escalation).
     */
    private void receiveEscalation(StixObject report, WarningExtension.Content c, MemberId origin) {
        MemberId self = local.get();
        Optional<StoredWarning> held = warnings.sameEvent(c.event());
        if (held.isPresent()) {
            StoredWarning h = held.get();
            // Only warnings raised here have a deadline: the origin escalates, never a recipient.
            boolean raisedHere = h.deadline() != null;
            boolean acknowledged = warnings.addressed(h.id(), self).map(a -> a.recipient().isAcknowledged()).orElse(false);
            if (raisedHere || acknowledged || h.escalated() != null) {
                LOG.info("escalation {} from {} not shown: warning {} of its event was {}", c.warningId(), origin, h.id(),
                        raisedHere ? "raised here" : acknowledged ? "acknowledged here" : "escalated already");
                // A duplicate of what the member acknowledged here already: its peer hears of that acknowledgement now
                // (one acknowledged later reaches it from forwardAcknowledgements, which looks for every peer's escalation).
                if (!raisedHere) acknowledgementOf(h, c.event()).ifPresent(by -> acknowledge(report, by));
                return;
            }
        }
        Instant raised = report.created().map(StixTimestamp::instant).orElseThrow();
        StoredWarning escalation = new StoredWarning(c.warningId(), Escalation.RULE, raised, null, c.severity(), c.event().exercise(),
                held.map(StoredWarning::id).orElse(null), null);
        if (!warnings.hold(escalation, WarningRecipient.addressed(c.warningId(), self, c.capXml(), StixJson.writeString(report.properties())))) {
            LOG.info("escalation {} from {} held already", c.warningId(), origin);
        }
    }

    /** This member's acknowledgement here of the warning held for the event or of a peer's escalation of it. */
    private Optional<WarningRecipient> acknowledgementOf(StoredWarning held, EventKey event) {
        MemberId self = local.get();
        List<String> ids = new ArrayList<>(List.of(held.id()));
        ids.addAll(escalationIds(event));
        for (String id : ids) {
            Optional<WarningRecipient> acknowledged = warnings.addressed(id, self).map(AddressedWarning::recipient)
                    .filter(WarningRecipient::isAcknowledged);
            if (acknowledged.isPresent()) return acknowledged;
        }
        return Optional.empty();
    }

    private void acknowledgement(StixObject note, MemberId origin) {
        if (!note.string("created_by_ref").orElse("").equals(origin.value())) return;
        for (Object ref : note.list("external_references")) {
            if (!(ref instanceof Map<?, ?> r) || !WARNING_REFERENCE.equals(r.get("source_name")) || !(r.get("external_id") instanceof String warningId)) continue;
            boolean addressed = store.warnings().recipients(warningId).stream().anyMatch(x -> x.member().equals(origin));
            if (!addressed || !note.list("object_refs").contains(WarningDocuments.reportId(warningId, local.get(), origin))) {
                LOG.warn("acknowledgement {} from {} names warning {} not addressed to it; ignored", note.id(), origin, warningId);
                continue;
            }
            String by = note.list("authors").stream().filter(String.class::isInstance).map(String.class::cast).findFirst().orElse("unknown");
            Instant at = note.created().map(StixTimestamp::instant).orElseThrow();
            if (warnings.acknowledgedRemotely(warningId, origin, by + " (" + origin.value() + ")", at)) {
                LOG.info("warning {} acknowledged by {} on its node", warningId, origin);
            }
        }
    }

    private static Optional<StixObject> parse(String json) {
        try {
            return Optional.of(StixJson.readObject(json.getBytes(StandardCharsets.UTF_8)));
        } catch (StixParseException e) {
            return Optional.empty();
        }
    }
}
