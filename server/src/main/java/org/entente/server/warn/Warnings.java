package org.entente.server.warn;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.entente.core.cap.MsgType;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingPolicy;
import org.entente.server.detect.Detection;
import org.entente.server.detect.Evidence;
import org.entente.store.AddressedWarning;
import org.entente.store.Store;
import org.entente.store.StoredWarning;
import org.entente.store.WarningRecipient;
import org.entente.store.WarningStore;
import org.entente.store.WebhookSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warn stage of a node: raises warnings from detections under its rules, addresses each to the members
 * concerned with the view the sharing policy allows them, delivers them to Server-Sent Events subscribers
 * and webhooks, records acknowledgements, and escalates what stays unacknowledged past its deadline (a
 * scheduled check on the injected clock; tests call {@link #escalateOverdue()} themselves). With peers
 * ({@link RemoteWarnings}) it also sends views and escalations to recipients on other nodes, holds and shows
 * what peers address to its member, and sends that member's acknowledgements back, whichever process on the
 * store recorded them.
 */
public final class Warnings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Warnings.class);
    /** Well under Jetty's default idle timeout of 30 seconds. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final WarningStore store;
    private final Supplier<SharingPolicy> policy;
    private final Supplier<Member> sender;
    private final InstantSource clock;
    private final WarningSettings settings;
    private final WarningStream stream;
    private final WebhookCourier courier;
    private final RemoteWarnings remote;
    private ScheduledExecutorService schedule;

    /**
     * @param policy the sharing policy as it stands (communities change while the node runs)
     * @param sender the member this node acts for, the sender of its warnings
     */
    public Warnings(WarningStore store, Supplier<SharingPolicy> policy, Supplier<Member> sender, InstantSource clock,
                    WarningSettings settings) {
        this(store, policy, sender, clock, settings, null);
    }

    private Warnings(WarningStore store, Supplier<SharingPolicy> policy, Supplier<Member> sender, InstantSource clock,
                     WarningSettings settings, RemoteWarnings.Factory remote) {
        this.store = store;
        this.policy = policy;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.stream = new WarningStream((id, member) -> store.delivered(id, member, clock.instant()));
        this.courier = new WebhookCourier(store, clock, settings.backoff(), settings.webhookPoll());
        this.remote = remote == null ? null : remote.create(this);
    }

    /** The warn stage of a node's store, acting for its local member, under the store's communities. */
    public static Warnings of(Store store, InstantSource clock, WarningSettings settings) {
        return of(store, clock, settings, null);
    }

    /**
     * The warn stage of a node that also reaches recipients on other nodes through {@code peers}, and holds
     * the warnings peers address to its member ({@link RemoteWarnings}).
     */
    public static Warnings of(Store store, InstantSource clock, WarningSettings settings, WarningPeers peers) {
        Supplier<Member> local = () -> store.members().local().orElseThrow(() -> new IllegalStateException("this node has no local member yet"));
        return new Warnings(store.warnings(), () -> new SharingPolicy(store.communities().list()), local, clock, settings,
                peers == null ? null : w -> new RemoteWarnings(store, w, peers, () -> local.get().id()));
    }

    /** Starts webhook delivery, the scheduled escalation check and the event streams' heartbeat. */
    public Warnings start() {
        courier.start();
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("warning-schedule").daemon().factory());
        long every = settings.escalationCheck().toMillis();
        schedule.scheduleWithFixedDelay(quietly("escalation check", this::escalateOverdue), every, every, TimeUnit.MILLISECONDS);
        schedule.scheduleWithFixedDelay(quietly("event stream heartbeat", stream::heartbeat), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        if (remote != null) remote.start(settings.webhookPoll());
        return this;
    }

    /** Raises the warnings the detection calls for, one per rule that fires; returns those raised. */
    public List<StoredWarning> raise(Detection detection) {
        return raise(detection, policy);
    }

    /**
     * Raises the warnings a batch of detections calls for (the detect stage hands over each batch at once), under
     * the sharing policy read once for all of them; a detection whose warnings fail is logged and the rest go on.
     */
    public List<StoredWarning> raise(List<Detection> detections) {
        if (detections.isEmpty()) return List.of();
        SharingPolicy current = policy.get();
        List<StoredWarning> raised = new ArrayList<>();
        for (Detection detection : detections) {
            try {
                raised.addAll(raise(detection, () -> current));
            } catch (RuntimeException e) {
                LOG.warn("the warnings of detection {} of {} could not be raised", detection.kind(), detection.subject(), e);
            }
        }
        return raised;
    }

    private List<StoredWarning> raise(Detection detection, Supplier<SharingPolicy> policy) {
        List<StoredWarning> raised = new ArrayList<>();
        Map<MemberId, List<Evidence>> audience = null;
        for (WarningRule rule : settings.rules()) {
            Optional<Assessment> assessment = rule.assess(detection);
            if (assessment.isEmpty()) continue;
            if (audience == null) audience = Audience.of(detection, policy.get());
            raise(detection, rule, assessment.get(), audience).ifPresent(raised::add);
        }
        return raised;
    }

    /**
     * Raises one rule's warning for a detection, unless one for the same event is already held here, raised
     * here or received from a peer ({@link EventKey}); views for recipients on other nodes are sent to them.
     */
    private Optional<StoredWarning> raise(Detection detection, WarningRule rule, Assessment assessment,
                                          Map<MemberId, List<Evidence>> audience) {
        // Nobody to warn: the store need not be asked whether the event was warned of already.
        if (audience.entrySet().stream().noneMatch(e -> rule.warns(e.getKey(), e.getValue()))) return Optional.empty();
        EventKey event = EventKey.of(rule.name(), detection);
        Optional<StoredWarning> held = sameEvent(event);
        if (held.isPresent()) {
            LOG.info("{} of {} already warned of as {}; not raised again", rule.name(), detection.subject(), held.get().id());
            return Optional.empty();
        }
        String id = event.warningId();
        Instant now = clock.instant();
        Member from = sender.get();
        WarningDocuments.Draft draft = new WarningDocuments.Draft(id, from, now, detection.exercise(),
                MsgType.Alert, null, rule.name(), detection.subject(), assessment, event);
        List<WarningRecipient> recipients = new ArrayList<>();
        Map<MemberId, List<Evidence>> remoteEvidence = new LinkedHashMap<>();
        audience.forEach((member, visible) -> {
            if (!rule.warns(member, visible)) return;
            WarningDocuments.View view = WarningDocuments.view(draft, member, rule.word(detection, visible), visible);
            recipients.add(WarningRecipient.addressed(id, member, view.cap(), view.report()));
            if (!member.equals(from.id())) remoteEvidence.put(member, visible);
        });
        if (recipients.isEmpty()) return Optional.empty();
        StoredWarning warning = new StoredWarning(id, rule.name(), now, now.plus(settings.acknowledgeWithin()),
                assessment.severity().name(), detection.exercise(), null, null);
        if (!store.raise(warning, recipients)) return Optional.empty();
        LOG.info("warning {} ({}) raised for {} recipient(s)", id, rule.name(), recipients.size());
        announce(warning.id(), recipients);
        if (remote != null) {
            for (WarningRecipient r : recipients) {
                if (remoteEvidence.containsKey(r.member())) remote.send(r, remoteEvidence.get(r.member()));
            }
        }
        return Optional.of(warning);
    }

    /** A warning held here for the same event, under this hour's id or the hour before's or after's. */
    Optional<StoredWarning> sameEvent(EventKey event) {
        for (String id : event.sameEventIds()) {
            Optional<StoredWarning> held = store.find(id);
            if (held.isPresent()) return held;
        }
        return Optional.empty();
    }

    /** Holds a warning a peer addressed to this node's member, and delivers it like one raised here. */
    boolean hold(StoredWarning warning, WarningRecipient view) {
        if (!store.raise(warning, List.of(view))) return false;
        LOG.info("warning {} ({}) received for {}", warning.id(), warning.rule(), view.member());
        announce(warning.id(), List.of(view));
        return true;
    }

    private void announce(String id, List<WarningRecipient> recipients) {
        for (WarningRecipient r : recipients) store.addressed(id, r.member()).ifPresent(stream::publish);
        courier.wake();
    }

    /** Raises a follow-up for every warning past its deadline that someone has not acknowledged. */
    public List<StoredWarning> escalateOverdue() {
        Instant now = clock.instant();
        List<StoredWarning> followUps = new ArrayList<>();
        for (StoredWarning overdue : store.overdue(now)) {
            List<WarningRecipient> addressed = store.recipients(overdue.id());
            Escalation.FollowUp followUp = Escalation.of(overdue, addressed, sender.get(), now);
            if (store.raise(followUp.warning(), followUp.recipients())) {
                LOG.info("warning {} not acknowledged by its deadline: escalated as {}", overdue.id(), followUp.warning().id());
                announce(followUp.warning().id(), followUp.recipients());
                if (remote != null) remote.sendEscalation(addressed, followUp.recipients());
                followUps.add(followUp.warning());
            }
        }
        return followUps;
    }

    /** A scheduled task that logs its failure and runs again next time (an exception would end the schedule). */
    private static Runnable quietly(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed; trying again at the next one", what, e);
            }
        };
    }

    /** Records a member's acknowledgement by a user; false when the warning is not addressed to the member. */
    public boolean acknowledge(String warningId, MemberId member, String by) {
        if (!store.acknowledge(warningId, member, by, clock.instant())) return false;
        if (remote != null && member.equals(sender.get().id())) remote.forwardAcknowledgements();
        return true;
    }

    /** Records the acknowledgement of a recipient on another node, as its node reported it. */
    boolean acknowledgedRemotely(String warningId, MemberId member, String by, Instant at) {
        return store.acknowledge(warningId, member, by, at);
    }

    /** This member's acknowledgements not yet sent back to peers, recorded by any process on the store. */
    List<AddressedWarning> acknowledgementsToForward(MemberId member, int limit) {
        return store.acknowledgementsToForward(member, limit);
    }

    void acknowledgementForwarded(String warningId, MemberId member) {
        store.acknowledgementForwarded(warningId, member, clock.instant());
    }

    public List<AddressedWarning> addressedTo(MemberId member, boolean unacknowledgedOnly) {
        return store.addressedTo(member, unacknowledgedOnly);
    }

    public Optional<AddressedWarning> addressed(String warningId, MemberId member) {
        return store.addressed(warningId, member);
    }

    /** Connects an SSE subscriber acting for a member: replays what it has not acknowledged, then streams. */
    public void connect(SseClient client, MemberId member) {
        stream.connect(client, member, store.addressedTo(member, true));
    }

    public WebhookSubscription subscribe(MemberId member, String url, String secret) {
        WebhookSubscription subscription = store.subscribe(member, url, secret);
        courier.wake();
        return subscription;
    }

    public List<WebhookSubscription> subscriptions() {
        return store.subscriptions();
    }

    public boolean unsubscribe(long id) {
        return store.unsubscribe(id);
    }

    @Override
    public void close() {
        if (remote != null) remote.close();
        if (schedule != null) schedule.shutdownNow();
        courier.close();
        stream.close();
    }
}
