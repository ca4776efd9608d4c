package org.entente.server.warn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.core.cap.Alert;
import org.entente.core.cap.MsgType;
import org.entente.core.cap.Parameter;
import org.entente.core.cap.Scope;
import org.entente.core.cap.Severity;
import org.entente.core.cap.Status;
import org.entente.core.cap.codec.CapXml;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.Violation;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.sync.Backoff;
import org.entente.server.detect.Detection;
import org.entente.server.detect.DetectionKind;
import org.entente.server.detect.Evidence;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.StoredWarning;
import org.entente.store.WarningRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warn stage on a real SQLite store, with a clock the test moves: who is warned, what each recipient
 * reads, and escalation of what stays unacknowledged.
 */
class WarningsTest {
    private static final Member A = member("a", "DE");
    private static final Member B = member("b", "FR");
    private static final Member C = member("c", "PL");
    private static final Member D = member("d", "AT");
    private static final Member E = member("e", "IT");
    private static final Member F = member("f", "NL");
    private static final Member G = member("g", "BE");
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final String PHONE = "phone-number:+4930123456";

    @TempDir
    Path data;

    private Store store;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private Warnings warnings;
    private final CapXml cap = new CapXml();

    private static Member member(String name, String country) {
        return new Member(MemberId.ofPublicKey(name.getBytes(StandardCharsets.UTF_8)), "Member " + name, country, Level.STATE, "cyber");
    }

    @BeforeEach
    void openStore() {
        store = StoreFactory.open(data, null);
        for (Member m : List.of(A, B, C, D, E, F, G)) store.members().save(m);
        store.members().setLocal(A.id());
        // h hides its membership; o and p do not.
        store.communities().save(new Community("h", new Charter(Set.of(A.id(), B.id(), C.id()), Set.of(), Tlp.AMBER, false, true)));
        store.communities().save(new Community("o", new Charter(Set.of(A.id(), D.id(), E.id(), F.id()), Set.of(), Tlp.AMBER, false, false)));
        store.communities().save(new Community("p", new Charter(Set.of(A.id(), G.id()), Set.of(), Tlp.AMBER, false, false)));
        WarningSettings settings = new WarningSettings(List.of(new IndicatorMatchRule(), new CrossBorderClusterRule(3)),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Backoff.DEFAULT);
        warnings = new Warnings(store.warnings(), () -> new SharingPolicy(store.communities().list()),
                () -> A, now::get, settings);
    }

    @AfterEach
    void close() {
        warnings.close();
        store.close();
    }

    private static Evidence sighting(Member by, String community) {
        return new Evidence("sighting--" + java.util.UUID.nameUUIDFromBytes(by.name().getBytes(StandardCharsets.UTF_8)), by,
                SharingLabels.of(by.id(), Distribution.toCommunities(community), Tlp.GREEN, "cyber"));
    }

    private Detection cluster(boolean exercise) {
        return new Detection(DetectionKind.CROSS_BORDER_CLUSTER, PHONE, List.of(
                sighting(A, "h"), sighting(B, "h"), sighting(C, "h"),
                sighting(D, "o"), sighting(E, "o"), sighting(F, "o"), sighting(G, "p")), T0, exercise);
    }

    private WarningRecipient recipient(StoredWarning w, Member m) {
        return store.warnings().addressed(w.id(), m.id()).orElseThrow().recipient();
    }

    @SuppressWarnings("unchecked")
    private static List<String> objectRefs(WarningRecipient r) {
        return (List<String>) ((Map<String, Object>) StixJson.readTree(r.report().getBytes(StandardCharsets.UTF_8))).get("object_refs");
    }

    @Test
    void anOutsiderOfAHiddenCommunityIsNeitherToldNorCountedItsMembers() {
        StoredWarning w = warnings.raise(cluster(false)).get(0);

        Alert forD = cap.read(recipient(w, D).cap());
        String description = forD.infos().get(0).description();
        assertThat(description).contains("3 members in 3 countries (AT, IT, NL)");
        assertThat(description).doesNotContain("DE").doesNotContain("FR").doesNotContain("PL").doesNotContain("7");
        assertThat(forD.infos().get(0).areas().get(0).geocodes()).extracting(Parameter::value).containsExactly("AT", "IT", "NL");
        assertThat(objectRefs(recipient(w, D))).containsExactly(sighting(D, "o").objectId(), sighting(E, "o").objectId(),
                sighting(F, "o").objectId());
        assertThat(recipient(w, D).cap() + recipient(w, D).report())
                .doesNotContain(B.id().value()).doesNotContain(C.id().value()).doesNotContain(sighting(B, "h").objectId());
    }

    @Test
    void aMemberOfBothCommunitiesCountsEverythingItMaySee() {
        StoredWarning w = warnings.raise(cluster(false)).get(0);

        assertThat(cap.read(recipient(w, A).cap()).infos().get(0).description())
                .contains("7 members in 7 countries (AT, BE, DE, FR, IT, NL, PL)");
        assertThat(cap.read(recipient(w, B).cap()).infos().get(0).description()).contains("3 members in 3 countries (DE, FR, PL)");
    }

    @Test
    void aMemberThatMaySeeFewerCountriesThanAClusterNeedsIsNotWarnedAtAll() {
        StoredWarning w = warnings.raise(cluster(false)).get(0);

        assertThat(store.warnings().recipients(w.id())).extracting(WarningRecipient::member)
                .containsExactlyInAnyOrder(A.id(), B.id(), C.id(), D.id(), E.id(), F.id());
        assertThat(store.warnings().addressed(w.id(), G.id())).isEmpty();
    }

    @Test
    void aWarningIsARestrictedCapAlertFromTheNodesMemberAndAStixReportOfWhatTheRecipientMaySee() {
        StoredWarning w = warnings.raise(cluster(false)).get(0);
        WarningRecipient forB = recipient(w, B);

        Alert alert = cap.read(forB.cap());
        assertThat(alert.identifier()).isEqualTo(w.id());
        assertThat(alert.sender()).isEqualTo(A.id().value());
        assertThat(alert.status()).isEqualTo(Status.Actual);
        assertThat(alert.msgType()).isEqualTo(MsgType.Alert);
        assertThat(alert.scope()).isEqualTo(Scope.Restricted);
        assertThat(alert.infos().get(0).event()).isEqualTo("Cross-border cluster");
        assertThat(alert.infos().get(0).severity()).isEqualTo(Severity.Moderate);
        assertThat(alert.infos().get(0).headline()).isEqualTo(PHONE + " seen in 3 countries");

        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) StixJson.readTree(forB.report().getBytes(StandardCharsets.UTF_8));
        assertThat(report).containsEntry("type", "report").containsEntry("spec_version", "2.1")
                .containsEntry("created_by_ref", A.id().value());
        assertThat(org.entente.core.stix.StixValidator.stix21().validate(StixJson.toObject(report, "report"))).isEmpty();
        assertThat(objectRefs(forB)).containsExactly(sighting(A, "h").objectId(), sighting(B, "h").objectId(), sighting(C, "h").objectId());
        assertThat(w.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void anExerciseDetectionRaisesAnExerciseAlert() {
        StoredWarning w = warnings.raise(cluster(true)).get(0);

        assertThat(w.exercise()).isTrue();
        assertThat(cap.read(recipient(w, A).cap()).status()).isEqualTo(Status.Exercise);
        assertThat(recipient(w, A).report()).contains("\"exercise\"");
    }

    @Test
    void anIndicatorMatchWarnsTheObserverButNotAnIndicatorOriginThatMayNotSeeTheObservation() {
        Evidence indicator = new Evidence("indicator--0f3c9f0a-4b35-4f0e-8a44-3c2c9b1d7e11", D,
                SharingLabels.of(D.id(), Distribution.toCommunities("o"), Tlp.AMBER, "cyber"));
        Evidence observation = new Evidence("sighting--9b8f1c2e-0a3d-4e5f-8a6b-7c8d9e0f1a2b", A,
                SharingLabels.of(A.id(), Distribution.ORGANISATION, Tlp.AMBER, "cyber"));
        StoredWarning w = warnings.raise(new Detection(DetectionKind.INDICATOR_MATCH, indicator.objectId(),
                List.of(indicator, observation), T0, false)).get(0);

        assertThat(w.rule()).isEqualTo("indicator-match");
        assertThat(store.warnings().recipients(w.id())).extracting(WarningRecipient::member).containsExactly(A.id());
        Alert forA = cap.read(recipient(w, A).cap());
        assertThat(forA.infos().get(0).severity()).isEqualTo(Severity.Severe);
        assertThat(forA.infos().get(0).description()).contains("2 members in 2 countries (AT, DE)");
    }

    @Test
    void aDetectionNoRuleWarnsOfRaisesNothing() {
        Detection twoCountries = new Detection(DetectionKind.CROSS_BORDER_CLUSTER, PHONE,
                List.of(sighting(D, "o"), sighting(E, "o")), T0, false);
        assertThat(warnings.raise(twoCountries)).isEmpty();
        assertThat(store.warnings().addressedTo(D.id(), false)).isEmpty();
    }

    @Test
    void anUnacknowledgedWarningEscalatesOnceAfterItsDeadlineToTheMembersThatDidNotAcknowledgeAndTheContact() {
        StoredWarning w = warnings.raise(cluster(false)).get(0);
        for (Member m : List.of(A, B, C, E, F)) warnings.acknowledge(w.id(), m.id(), "duty officer");

        now.set(T0.plus(Duration.ofMinutes(59)));
        assertThat(warnings.escalateOverdue()).isEmpty();

        now.set(T0.plus(Duration.ofMinutes(61)));
        List<StoredWarning> followUps = warnings.escalateOverdue();
        assertThat(followUps).singleElement().satisfies(f -> {
            assertThat(f.escalates()).isEqualTo(w.id());
            assertThat(f.severity()).isEqualTo("Severe");
        });
        StoredWarning followUp = followUps.get(0);
        assertThat(store.warnings().recipients(followUp.id())).extracting(WarningRecipient::member)
                .containsExactlyInAnyOrder(D.id(), A.id());

        Alert forD = cap.read(recipient(followUp, D).cap());
        Alert original = cap.read(recipient(w, D).cap());
        assertThat(forD.msgType()).isEqualTo(MsgType.Update);
        assertThat(forD.references()).isEqualTo(original.reference());
        assertThat(forD.infos().get(0).severity()).isEqualTo(Severity.Severe);
        assertThat(forD.infos().get(0).headline()).startsWith("Not acknowledged: ");
        assertThat(forD.infos().get(0).description()).contains("3 members in 3 countries (AT, IT, NL)").doesNotContain("DE");
        assertThat(objectRefs(recipient(followUp, D))).isEqualTo(objectRefs(recipient(w, D)));

        Alert forContact = cap.read(recipient(followUp, A).cap());
        assertThat(forContact.infos().get(0).headline()).contains("not acknowledged by 1 of 6 recipients");
        assertThat(forContact.infos().get(0).description()).contains(D.id().value());

        now.set(T0.plus(Duration.ofHours(5)));
        assertThat(warnings.escalateOverdue()).as("escalated once only").isEmpty();
    }

    private Detection clusterAt(Instant detected, String subject) {
        return new Detection(DetectionKind.CROSS_BORDER_CLUSTER, subject, cluster(false).evidence(), detected, false);
    }

    @Test
    void aDetectionOfAnEventAlreadyWarnedOfWithinAnHourIsNotWarnedOfAgain() {
        StoredWarning first = warnings.raise(clusterAt(T0.plus(Duration.ofMinutes(10)), PHONE)).get(0);
        assertThat(first.id()).isEqualTo(new EventKey("cross-border-cluster", PHONE, false, T0).warningId());

        assertThat(warnings.raise(clusterAt(T0.plus(Duration.ofMinutes(50)), PHONE))).as("same hour").isEmpty();
        assertThat(warnings.raise(clusterAt(T0.plus(Duration.ofMinutes(70)), PHONE))).as("the hour after").isEmpty();
        assertThat(warnings.raise(clusterAt(T0.plus(Duration.ofMinutes(10)), "phone-number:+33100000000")))
                .as("another subject is another event").hasSize(1);
        assertThat(warnings.raise(clusterAt(T0.plus(Duration.ofHours(3)), PHONE))).as("hours later: a new event").hasSize(1);
        assertThat(store.warnings().addressedTo(A.id(), false)).hasSize(3);
    }

    @Test
    void aBatchOfDetectionsRaisesWhatEachWouldRaiseAloneOncePerEvent() {
        List<StoredWarning> raised = warnings.raise(List.of(
                clusterAt(T0.plus(Duration.ofMinutes(10)), PHONE),
                clusterAt(T0.plus(Duration.ofMinutes(20)), PHONE),
                clusterAt(T0.plus(Duration.ofMinutes(10)), "phone-number:+33100000000")));

        assertThat(raised).extracting(StoredWarning::id).containsExactly(
                new EventKey("cross-border-cluster", PHONE, false, T0).warningId(),
                new EventKey("cross-border-cluster", "phone-number:+33100000000", false, T0).warningId());
        assertThat(store.warnings().addressedTo(D.id(), false)).hasSize(2);
        assertThat(warnings.raise(List.of())).isEmpty();
    }

    @Test
    void aMatchOfAMembersOwnIndicatorByItsOwnSightingWarnsNobodyAndRaisesNothing() {
        Evidence own = sighting(A, "h");
        Detection detection = new Detection(DetectionKind.INDICATOR_MATCH, "indicator--" + java.util.UUID.randomUUID(),
                List.of(own, own), T0, false);

        assertThat(warnings.raise(List.of(detection))).isEmpty();
        assertThat(store.warnings().addressedTo(A.id(), false)).isEmpty();
    }

    @Test
    void aWarningReportCarriesItsCapAlertAndEventKeyInAValidPropertyExtensionDefinedByItsSender() {
        StoredWarning w = warnings.raise(cluster(false)).get(0);
        WarningRecipient view = recipient(w, D);
        StixObject report = StixJson.readObject(view.report().getBytes(StandardCharsets.UTF_8));
        StixValidator validator = StixValidator.stix21();
        assertThat(validator.validate(report)).noneMatch(Violation::isError);
        StixObject definition = WarningExtension.definition(A.id());
        assertThat(validator.validate(definition)).noneMatch(Violation::isError);
        assertThat(List.copyOf(((Map<?, ?>) report.get("extensions")).keySet())).isEqualTo(List.of(definition.id()));

        WarningExtension.Content content = WarningExtension.read(report).orElseThrow();
        assertThat(content.warningId()).isEqualTo(w.id());
        assertThat(content.recipient()).isEqualTo(D.id());
        assertThat(content.capXml()).isEqualTo(view.cap());
        assertThat(content.event()).isEqualTo(new EventKey("cross-border-cluster", PHONE, false, T0));
        assertThat(content.severity()).isEqualTo(w.severity());
    }

    @Test
    void anExtensionUnderAnotherSendersDefinitionIsNotReadAsAWarning() {
        StoredWarning w = warnings.raise(cluster(false)).get(0);
        Map<String, Object> report = new java.util.LinkedHashMap<>(StixJson.readObject(
                recipient(w, D).report().getBytes(StandardCharsets.UTF_8)).properties());
        report.put("created_by_ref", B.id().value());
        assertThat(WarningExtension.read(StixObject.of(report))).isEmpty();
    }
}
