package org.entente.server.warn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.core.cap.Category;
import org.entente.core.cap.Certainty;
import org.entente.core.cap.MsgType;
import org.entente.core.cap.Severity;
import org.entente.core.cap.Urgency;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.sync.Backoff;
import org.entente.server.detect.Detection;
import org.entente.server.detect.DetectionKind;
import org.entente.server.detect.Evidence;
import org.entente.store.AddressedWarning;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.StoredWarning;
import org.entente.store.WarningRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings from and to peers on a real SQLite store, the objects arriving as a peer's envelope leaves them
 * (stored versions with their sharing labels): who is trusted to address this member, one warning per event,
 * and acknowledgements in both directions.
 */
class RemoteWarningsTest {
    private static final Member A = member("a", "DE");
    private static final Member B = member("b", "FR");
    private static final Member C = member("c", "PL");
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final String INDICATOR = "indicator--0b2a6f4e-8a41-4c35-9a3e-1f2d3c4b5a69";
    private static final Assessment MATCHED = new Assessment("Indicator matched", Category.Security, Urgency.Immediate,
            Severity.Severe, Certainty.Observed);

    @TempDir
    Path data;

    private Store store;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final List<Sent> sent = new ArrayList<>();
    private Warnings warnings;
    private RemoteWarnings remote;
    private int envelopes;

    record Sent(MemberId to, List<StixObject> objects, Tlp tlp) {}

    private static Member member(String name, String country) {
        return new Member(MemberId.ofPublicKey(name.getBytes(StandardCharsets.UTF_8)), "Member " + name, country, Level.STATE, "cyber");
    }

    @BeforeEach
    void openStore() {
        store = StoreFactory.open(data, null);
        for (Member m : List.of(A, B, C)) store.members().save(m);
        store.members().setLocal(A.id());
        store.collections().create(new CollectionInfo("direct", "Direct", null, "direct"));
        WarningSettings settings = new WarningSettings(List.of(new IndicatorMatchRule()), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), Backoff.DEFAULT);
        // As the share path does: what is sent is also stored here, as this member's.
        WarningPeers peers = (to, objects, tlp, domain) -> {
            sent.add(new Sent(to, objects, tlp));
            objects.forEach(o -> arrives(o, A));
        };
        warnings = Warnings.of(store, now::get, settings, peers);
        remote = new RemoteWarnings(store, warnings, peers, A::id);
    }

    @AfterEach
    void close() {
        warnings.close();
        store.close();
    }

    /** B's view, for {@code recipient}, of B's warning of a match of the indicator detected at {@code detected}. */
    private static StixObject viewBy(Member sender, MemberId recipient, Instant detected) {
        EventKey event = new EventKey("indicator-match", INDICATOR, false, detected.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        WarningDocuments.Draft draft = new WarningDocuments.Draft(event.warningId(), sender, detected, false, MsgType.Alert,
                null, "indicator-match", INDICATOR, MATCHED, event);
        WarningDocuments.View view = WarningDocuments.view(draft, recipient, new Wording("Indicator matched", "Seen."),
                List.of(INDICATOR), Set.of(sender.country()));
        return StixJson.readObject(view.report().getBytes(StandardCharsets.UTF_8));
    }

    /** Stores an object as a peer's envelope from {@code origin} leaves it. */
    private void arrives(StixObject object, Member origin) {
        store.objects().write("direct", List.of(new NewVersion(object.id(), object.type(), "2.1",
                object.version().map(StixTimestamp::instant).orElse(null), StixJson.writeString(object.properties()))));
        store.shares().record(List.of(Share.of(object, "envelope-" + ++envelopes,
                SharingLabels.of(origin.id(), Distribution.toMembers(A.id()), Tlp.AMBER, "cyber"))));
    }

    private Detection matchOnA(Instant detected) {
        return new Detection(DetectionKind.INDICATOR_MATCH, INDICATOR, List.of(
                new Evidence(INDICATOR, A, SharingLabels.of(A.id(), Distribution.toMembers(B.id()), Tlp.GREEN, "cyber")),
                new Evidence("sighting--5b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8", B,
                        SharingLabels.of(B.id(), Distribution.toMembers(A.id()), Tlp.AMBER, "cyber"))), detected, false);
    }

    @Test
    void aViewThatArrivesInAnotherCollectionAfterPagesOfOtherObjectsIsStillHeld() {
        // Rounds while only other types arrive move the follower past them; the view then comes in a second collection.
        store.collections().create(new CollectionInfo("community", "Community", null, "community"));
        List<NewVersion> others = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String id = "indicator--" + java.util.UUID.nameUUIDFromBytes(("other-" + i).getBytes(StandardCharsets.UTF_8));
            others.add(new NewVersion(id, "indicator", "2.1", T0, "{\"type\":\"indicator\",\"id\":\"" + id + "\"}"));
        }
        store.objects().write("direct", others.subList(0, 600));
        remote.catchUp();
        store.objects().write("community", others.subList(600, 1_200));
        remote.catchUp();
        assertThat(warnings.addressedTo(A.id(), false)).isEmpty();

        StixObject view = viewBy(B, A.id(), T0.plus(Duration.ofMinutes(5)));
        store.objects().write("community", List.of(new NewVersion(view.id(), view.type(), "2.1",
                view.version().map(StixTimestamp::instant).orElse(null), StixJson.writeString(view.properties()))));
        store.shares().record(List.of(Share.of(view, "envelope-" + ++envelopes,
                SharingLabels.of(B.id(), Distribution.toMembers(A.id()), Tlp.AMBER, "cyber"))));
        remote.catchUp();

        assertThat(warnings.addressedTo(A.id(), false)).hasSize(1);
    }

    @Test
    void aViewAPeerAddressedToThisMemberIsHeldOnceAndItsAcknowledgementGoesBackToItsOrigin() {
        StixObject view = viewBy(B, A.id(), T0.plus(Duration.ofMinutes(5)));
        arrives(view, B);
        remote.catchUp();
        remote.catchUp();

        List<AddressedWarning> held = warnings.addressedTo(A.id(), false);
        assertThat(held).singleElement().satisfies(w -> {
            assertThat(w.warning().deadline()).as("the origin escalates, not the recipient").isNull();
            assertThat(w.recipient().cap()).contains("<alert").contains(B.id().value());
        });
        assertThat(sent).isEmpty();

        assertThat(warnings.acknowledge(held.get(0).warning().id(), A.id(), "duty officer")).isTrue();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(B.id());
            assertThat(s.tlp()).as("the view's own TLP").isEqualTo(Tlp.AMBER);
            StixObject note = s.objects().get(0);
            assertThat(note.type()).isEqualTo("note");
            assertThat(note.list("object_refs")).containsExactly(view.id());
            assertThat(note.list("authors")).containsExactly("duty officer");
        });
        sent.clear();
        assertThat(warnings.acknowledge(held.get(0).warning().id(), A.id(), "someone else")).isTrue();
        assertThat(sent).as("acknowledged once, told once").isEmpty();
    }

    @Test
    void aViewNotSignedForByItsSenderOrAddressedToAnotherMemberIsNotHeld() {
        arrives(viewBy(B, A.id(), T0), C);
        arrives(viewBy(B, C.id(), T0.plus(Duration.ofHours(5))), B);
        remote.catchUp();
        assertThat(warnings.addressedTo(A.id(), false)).isEmpty();
    }

    @Test
    void aViewOfAnEventWarnedOfHereAlreadyIsNotShownTwiceButHearsOfTheAcknowledgement() {
        StoredWarning own = warnings.raise(matchOnA(T0.plus(Duration.ofMinutes(70)))).get(0);
        assertThat(sent).as("B's own view, to B only").singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(B.id());
            assertThat(s.tlp()).as("the strictest TLP of the evidence B may see").isEqualTo(Tlp.AMBER);
            assertThat(s.objects()).extracting(StixObject::type).containsExactly("extension-definition", "report");
            assertThat(WarningExtension.read(s.objects().get(1)).orElseThrow().recipient()).isEqualTo(B.id());
        });
        sent.clear();
        assertThat(warnings.acknowledge(own.id(), A.id(), "duty officer")).isTrue();
        assertThat(sent).as("nobody else warned A of it yet").isEmpty();

        StixObject fromB = viewBy(B, A.id(), T0.plus(Duration.ofMinutes(20)));
        arrives(fromB, B);
        remote.catchUp();
        assertThat(warnings.addressedTo(A.id(), false)).as("one warning for one event").singleElement()
                .satisfies(w -> assertThat(w.warning().id()).isEqualTo(own.id()));
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(B.id());
            assertThat(s.objects().get(0).list("object_refs")).containsExactly(fromB.id());
        });
    }

    @Test
    void twoPeersWarningOfOneEventInTheSameHourAreEachToldOfTheAcknowledgement() {
        StixObject fromB = viewBy(B, A.id(), T0.plus(Duration.ofMinutes(5)));
        StixObject fromC = viewBy(C, A.id(), T0.plus(Duration.ofMinutes(7)));
        assertThat(WarningExtension.read(fromC).orElseThrow().warningId()).as("one event, one warning id")
                .isEqualTo(WarningExtension.read(fromB).orElseThrow().warningId());
        assertThat(fromC.id()).as("but each sender's view is its own object").isNotEqualTo(fromB.id());
        arrives(fromB, B);
        arrives(fromC, C);
        remote.catchUp();
        List<AddressedWarning> held = warnings.addressedTo(A.id(), false);
        assertThat(held).as("shown once").singleElement();

        warnings.acknowledge(held.get(0).warning().id(), A.id(), "duty officer");
        remote.forwardAcknowledgements();
        assertThat(sent).extracting(Sent::to).as("one note each").containsExactlyInAnyOrder(B.id(), C.id());
        assertThat(sent).filteredOn(s -> s.to().equals(C.id())).singleElement()
                .satisfies(s -> assertThat(s.objects().get(0).list("object_refs")).containsExactly(fromC.id()));
    }

    @Test
    void anAcknowledgementIsRecordedForTheRecipientItComesFromOnly() {
        StoredWarning own = warnings.raise(matchOnA(T0)).get(0);
        StixObject toB = sent.get(0).objects().get(1);
        arrives(note("note--1d2e3f40-5162-4a73-8b84-95a6b7c8d9e0", C, toB.id(), own.id()), C);
        remote.catchUp();
        assertThat(warnings.addressed(own.id(), B.id()).orElseThrow().recipient().isAcknowledged()).isFalse();

        arrives(note("note--2e3f4051-6273-4b84-9c95-a6b7c8d9e0f1", B, toB.id(), own.id()), B);
        remote.catchUp();
        assertThat(warnings.addressed(own.id(), B.id()).orElseThrow().recipient().acknowledgedBy())
                .isEqualTo("officer (" + B.id().value() + ")");
    }

    private static StixObject note(String id, Member by, String reportId, String warningId) {
        return StixObject.of("type", "note", "spec_version", "2.1", "id", id, "created", "2026-11-24T01:30:00.000Z",
                "modified", "2026-11-24T01:30:00.000Z", "created_by_ref", by.id().value(), "content", "Acknowledged.",
                "authors", List.of("officer"), "object_refs", List.of(reportId), "labels", List.of(RemoteWarnings.ACKNOWLEDGEMENT),
                "external_references", List.of(Map.of("source_name", RemoteWarnings.WARNING_REFERENCE, "external_id", warningId)));
    }

    @Test
    void anAcknowledgementRecordedOnTheStoreByAnotherProcessIsSentOnce() {
        StixObject view = viewBy(B, A.id(), T0);
        arrives(view, B);
        remote.catchUp();
        String id = warnings.addressedTo(A.id(), false).get(0).warning().id();
        try (Store cli = StoreFactory.open(data, null)) { // as `entente warnings ack` does, on the same store
            assertThat(cli.warnings().acknowledge(id, A.id(), "cli user", T0.plus(Duration.ofMinutes(3)))).isTrue();
        }
        assertThat(sent).isEmpty();

        remote.forwardAcknowledgements();
        remote.forwardAcknowledgements();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(B.id());
            assertThat(s.objects().get(0).list("authors")).containsExactly("cli user");
        });
    }

    // --- escalations across nodes

    /** {@code sender}'s escalation, for {@code recipient}, of its warning of the event of {@link #viewBy}. */
    private static StixObject escalationBy(Member sender, MemberId recipient, Instant detected, Instant escalated) {
        StixObject original = viewBy(sender, recipient, detected);
        WarningExtension.Content c = WarningExtension.read(original).orElseThrow();
        WarningRecipient view = WarningRecipient.addressed(c.warningId(), recipient, c.capXml(), StixJson.writeString(original.properties()));
        StoredWarning warning = new StoredWarning(c.warningId(), c.rule(), detected, detected.plus(Duration.ofHours(1)), c.severity(),
                false, null, null);
        WarningRecipient followUp = Escalation.of(warning, List.of(view), sender, escalated).recipients().stream()
                .filter(r -> r.member().equals(recipient)).findFirst().orElseThrow();
        return StixJson.readObject(followUp.report().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEscalationIsSentToTheRecipientOnAnotherNodeUnderTheLabelsOfItsViewOfTheOriginal() {
        StoredWarning own = warnings.raise(matchOnA(T0)).get(0);
        sent.clear();
        now.set(T0.plus(Duration.ofMinutes(90)));
        StoredWarning escalation = warnings.escalateOverdue().get(0);

        assertThat(sent).as("B did not acknowledge; A's own member is told here, not sent anything").singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(B.id());
            assertThat(s.tlp()).as("the TLP B's view of the original went under").isEqualTo(Tlp.AMBER);
            StixObject report = s.objects().get(1);
            assertThat(report.id()).isEqualTo(WarningDocuments.reportId(escalation.id(), A.id(), B.id()));
            WarningExtension.Content c = WarningExtension.read(report).orElseThrow();
            assertThat(c.rule()).isEqualTo(Escalation.RULE);
            assertThat(c.escalates()).isEqualTo(own.id());
            assertThat(c.event().warningId()).as("the original's event").isEqualTo(own.id());
            assertThat(c.severity()).isEqualTo("Extreme");
            assertThat(c.capXml()).contains("<msgType>Update</msgType>");
        });
    }

    @Test
    void aPeersEscalationIsShownOnceForItsEventAndItsAcknowledgementGoesBackToEveryPeerThatEscalatedIt() {
        arrives(viewBy(B, A.id(), T0), B);
        remote.catchUp();
        String original = warnings.addressedTo(A.id(), false).get(0).warning().id();

        StixObject fromB = escalationBy(B, A.id(), T0, T0.plus(Duration.ofMinutes(90)));
        StixObject fromC = escalationBy(C, A.id(), T0.plus(Duration.ofMinutes(65)), T0.plus(Duration.ofMinutes(155)));
        arrives(fromB, B);
        arrives(fromC, C);
        remote.catchUp();

        List<AddressedWarning> held = warnings.addressedTo(A.id(), false);
        assertThat(held).as("the original and one escalation of its event").hasSize(2);
        AddressedWarning escalation = held.get(0);
        assertThat(escalation.warning().rule()).isEqualTo(Escalation.RULE);
        assertThat(escalation.warning().escalates()).isEqualTo(original);
        assertThat(escalation.warning().deadline()).as("escalations never escalate").isNull();
        assertThat(escalation.recipient().report()).contains(fromB.id());
        assertThat(warnings.addressed(original, A.id()).orElseThrow().warning().escalated()).isNotNull();
        assertThat(sent).as("nothing acknowledged yet").isEmpty();

        assertThat(warnings.acknowledge(escalation.warning().id(), A.id(), "duty officer")).isTrue();
        assertThat(sent).as("C's escalation of the event, in the adjacent hour, was held back but hears of it too").hasSize(2)
                .allSatisfy(s -> assertThat(s.objects().get(0).list("authors")).containsExactly("duty officer"));
        assertThat(sent).filteredOn(s -> s.to().equals(B.id())).singleElement().satisfies(s -> {
            StixObject note = s.objects().get(0);
            assertThat(note.list("object_refs")).containsExactly(fromB.id());
            assertThat(note.list("external_references")).singleElement().asString().contains(escalation.warning().id());
        });
        assertThat(sent).filteredOn(s -> s.to().equals(C.id())).singleElement().satisfies(s -> {
            StixObject note = s.objects().get(0);
            assertThat(note.list("object_refs")).containsExactly(fromC.id());
            assertThat(note.list("external_references")).singleElement().asString()
                    .contains(WarningExtension.read(fromC).orElseThrow().warningId());
        });

        sent.clear();
        remote.forwardAcknowledgements();
        warnings.acknowledge(escalation.warning().id(), A.id(), "someone else");
        remote.catchUp();
        assertThat(sent).as("once per peer").isEmpty();
    }

    @Test
    void aPeersEscalationOfAnEventAcknowledgedHereIsNotShownAndItsPeerHearsOfTheAcknowledgementAtOnce() {
        arrives(viewBy(B, A.id(), T0), B);
        remote.catchUp();
        arrives(escalationBy(B, A.id(), T0, T0.plus(Duration.ofMinutes(90))), B);
        remote.catchUp();
        String shown = warnings.addressedTo(A.id(), false).get(0).warning().id();
        warnings.acknowledge(shown, A.id(), "duty officer");
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo(B.id()));
        sent.clear();

        StixObject fromC = escalationBy(C, A.id(), T0, T0.plus(Duration.ofMinutes(120)));
        arrives(fromC, C);
        remote.catchUp();
        remote.catchUp();
        assertThat(warnings.addressedTo(A.id(), false)).as("the original and B's escalation").hasSize(2);
        assertThat(sent).as("told once").singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(C.id());
            assertThat(s.objects().get(0).list("object_refs")).containsExactly(fromC.id());
            assertThat(s.objects().get(0).list("authors")).containsExactly("duty officer");
        });
    }

    @Test
    void aNodeEscalatesAWarningUnderAnIdDerivedFromItAndItsOwnMember() {
        StoredWarning own = warnings.raise(matchOnA(T0)).get(0);
        now.set(T0.plus(Duration.ofMinutes(90)));
        StoredWarning escalation = warnings.escalateOverdue().get(0);
        assertThat(escalation.id()).isEqualTo(Escalation.id(own.id(), A.id()))
                .as("another member's escalation of the same warning is another").isNotEqualTo(Escalation.id(own.id(), B.id()));
    }

    @Test
    void anEscalationOfAnEventThisNodeWarnedOfItselfOrAcknowledgedIsNotShown() {
        warnings.raise(matchOnA(T0.plus(Duration.ofMinutes(10))));
        arrives(escalationBy(B, A.id(), T0, T0.plus(Duration.ofMinutes(90))), B);
        remote.catchUp();
        assertThat(warnings.addressedTo(A.id(), false)).as("A escalates its own warning itself").hasSize(1);

        Instant later = T0.plus(Duration.ofHours(5));
        arrives(viewBy(C, A.id(), later), C);
        remote.catchUp();
        String fromC = warnings.addressedTo(A.id(), false).get(0).warning().id();
        warnings.acknowledge(fromC, A.id(), "duty officer");
        arrives(escalationBy(C, A.id(), later, later.plus(Duration.ofMinutes(90))), C);
        remote.catchUp();
        assertThat(warnings.addressedTo(A.id(), false)).as("acknowledged before the escalation came").hasSize(2)
                .noneMatch(w -> w.warning().rule().equals(Escalation.RULE));
    }

    // --- restarts

    @Test
    void aRestartedFollowerResumesAfterTheStoredCursorAndMissesNothingStoredWhileItWasDown() {
        arrives(viewBy(B, A.id(), T0), B);
        remote.catchUp();
        long handled = store.warnings().remoteCursor("direct");
        assertThat(handled).as("the cursor is stored").isPositive();
        remote.close();
        warnings.close();
        store.close();

        store = StoreFactory.open(data, null);
        // Stored while the node was down: a view from B of a later event.
        arrives(viewBy(B, A.id(), T0.plus(Duration.ofHours(5))), B);
        WarningSettings settings = new WarningSettings(List.of(new IndicatorMatchRule()), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), Backoff.DEFAULT);
        warnings = Warnings.of(store, now::get, settings, (to, objects, tlp, domain) -> sent.add(new Sent(to, objects, tlp)));
        remote = new RemoteWarnings(store, warnings, (to, objects, tlp, domain) -> sent.add(new Sent(to, objects, tlp)), A::id);
        remote.catchUp();

        assertThat(warnings.addressedTo(A.id(), false)).as("the one before and the one stored while down").hasSize(2);
        assertThat(store.warnings().remoteCursor("direct")).isGreaterThan(handled);
    }

    @Test
    void aReportAtOrBeforeTheStoredCursorIsNotReadAgain() {
        arrives(viewBy(B, A.id(), T0), B);
        store.warnings().advanceRemoteCursor("direct", Long.MAX_VALUE / 2); // as if handled before a restart
        remote.catchUp();
        assertThat(warnings.addressedTo(A.id(), false)).isEmpty();
    }
}
