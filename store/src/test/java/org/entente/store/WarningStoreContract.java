package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.entente.core.policy.MemberId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do with warnings: recipients and their views, delivery, acknowledgement,
 * escalation, webhook subscriptions and their durable delivery queue. Run against each implementation by
 * a subclass that opens a fresh, empty store per test.
 */
public abstract class WarningStoreContract {
    private static final MemberId ALICE = member("alice");
    private static final MemberId BOB = member("bob");
    private static final MemberId CAROL = member("carol");
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00.000001Z");
    private static final Instant T2 = Instant.parse("2026-01-01T01:00:00.000002Z");
    private static final Instant T3 = Instant.parse("2026-01-01T02:00:00.000003Z");

    protected Store store;

    protected abstract Store openStore();

    protected abstract Store reopenStore();

    @BeforeEach
    void openEmptyStore() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static MemberId member(String name) {
        return MemberId.ofPublicKey(name.getBytes(StandardCharsets.UTF_8));
    }

    private static StoredWarning warning(String id, Instant raised, Instant deadline) {
        return new StoredWarning(id, "indicator-match", raised, deadline, "Severe", false, null, null);
    }

    private static WarningRecipient to(String id, MemberId member) {
        return WarningRecipient.addressed(id, member, "<alert>" + id + " for " + member + "</alert>", "{\"id\":\"" + id + "\"}");
    }

    @Test
    void aRaisedWarningIsFoundWithEachRecipientsOwnView() {
        assertThat(store.warnings().raise(warning("w1", T1, T2), List.of(to("w1", ALICE), to("w1", BOB)))).isTrue();

        assertThat(store.warnings().find("w1")).contains(warning("w1", T1, T2));
        assertThat(store.warnings().recipients("w1")).extracting(WarningRecipient::member).containsExactlyInAnyOrder(ALICE, BOB);
        AddressedWarning forBob = store.warnings().addressed("w1", BOB).orElseThrow();
        assertThat(forBob.recipient().cap()).contains("for " + BOB);
        assertThat(forBob.recipient().isAcknowledged()).isFalse();
        assertThat(store.warnings().addressed("w1", CAROL)).isEmpty();
        assertThat(store.warnings().find("nosuch")).isEmpty();
    }

    @Test
    void raisingTheSameWarningAgainChangesNothing() {
        store.warnings().raise(warning("w1", T1, T2), List.of(to("w1", ALICE)));
        assertThat(store.warnings().raise(warning("w1", T3, null), List.of(to("w1", BOB)))).isFalse();

        assertThat(store.warnings().find("w1")).contains(warning("w1", T1, T2));
        assertThat(store.warnings().recipients("w1")).extracting(WarningRecipient::member).containsExactly(ALICE);
    }

    @Test
    void aMembersWarningsAreListedNewestFirstAndAcknowledgedOnesCanBeLeftOut() {
        store.warnings().raise(warning("w1", T1, null), List.of(to("w1", ALICE)));
        store.warnings().raise(warning("w2", T2, null), List.of(to("w2", ALICE), to("w2", BOB)));
        store.warnings().acknowledge("w2", ALICE, "analyst", T3);

        assertThat(store.warnings().addressedTo(ALICE, false)).extracting(a -> a.warning().id()).containsExactly("w2", "w1");
        assertThat(store.warnings().addressedTo(ALICE, true)).extracting(a -> a.warning().id()).containsExactly("w1");
        assertThat(store.warnings().addressedTo(BOB, true)).extracting(a -> a.warning().id()).containsExactly("w2");
    }

    @Test
    void theFirstAcknowledgementCountsAndSurvivesAReopen() {
        store.warnings().raise(warning("w1", T1, T2), List.of(to("w1", ALICE)));
        assertThat(store.warnings().acknowledge("w1", ALICE, "first", T2)).isTrue();
        assertThat(store.warnings().acknowledge("w1", ALICE, "second", T3)).isTrue();
        assertThat(store.warnings().acknowledge("w1", BOB, "stranger", T3)).isFalse();
        store.close();
        store = reopenStore();

        WarningRecipient alice = store.warnings().addressed("w1", ALICE).orElseThrow().recipient();
        assertThat(alice.acknowledged()).isEqualTo(T2);
        assertThat(alice.acknowledgedBy()).isEqualTo("first");
        assertThat(store.warnings().addressed("w1", BOB)).isEmpty();
    }

    @Test
    void theFirstDeliveryIsRecorded() {
        store.warnings().raise(warning("w1", T1, null), List.of(to("w1", ALICE)));
        store.warnings().delivered("w1", ALICE, T2);
        store.warnings().delivered("w1", ALICE, T3);

        assertThat(store.warnings().addressed("w1", ALICE).orElseThrow().recipient().delivered()).isEqualTo(T2);
    }

    @Test
    void aWarningIsOverdueAfterItsDeadlineWhileARecipientHasNotAcknowledgedAndUntilItIsEscalated() {
        store.warnings().raise(warning("w1", T1, T2), List.of(to("w1", ALICE), to("w1", BOB)));
        store.warnings().raise(warning("never", T1, null), List.of(to("never", ALICE)));
        store.warnings().raise(warning("acked", T1, T2), List.of(to("acked", ALICE)));
        store.warnings().acknowledge("acked", ALICE, "a", T1);

        assertThat(store.warnings().overdue(T1)).isEmpty();
        assertThat(store.warnings().overdue(T2)).extracting(StoredWarning::id).containsExactly("w1");
        store.warnings().acknowledge("w1", ALICE, "a", T2);
        assertThat(store.warnings().overdue(T3)).extracting(StoredWarning::id).containsExactly("w1");

        StoredWarning followUp = new StoredWarning("w1-e", "escalation", T3, null, "Extreme", false, "w1", null);
        store.warnings().raise(followUp, List.of(to("w1-e", BOB)));

        assertThat(store.warnings().overdue(T3)).isEmpty();
        assertThat(store.warnings().find("w1").orElseThrow().escalated()).isEqualTo(T3);
        assertThat(store.warnings().find("w1-e")).contains(followUp);
    }

    @Test
    void aFollowUpOfAnUnknownWarningIsRefusedAndNothingIsStored() {
        StoredWarning followUp = new StoredWarning("e", "escalation", T3, null, "Extreme", false, "nosuch", null);
        assertThatThrownBy(() -> store.warnings().raise(followUp, List.of(to("e", BOB))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuch");
        assertThat(store.warnings().find("e")).isEmpty();
    }

    @Test
    void aWarningIsQueuedForEveryWebhookOfItsRecipientsUntilDelivered() {
        WebhookSubscription alices = store.warnings().subscribe(ALICE, "https://alice.example/hook", "s1");
        WebhookSubscription bobs = store.warnings().subscribe(BOB, "https://bob.example/hook", "s2");
        store.warnings().subscribe(CAROL, "https://carol.example/hook", "s3");
        store.warnings().raise(warning("w1", T1, null), List.of(to("w1", ALICE), to("w1", BOB)));

        List<WebhookDelivery> due = store.warnings().dueDeliveries(T1, 10);
        assertThat(due).extracting(d -> d.subscription().id()).containsExactlyInAnyOrder(alices.id(), bobs.id());
        assertThat(due).allSatisfy(d -> assertThat(d.warningId()).isEqualTo("w1"));
        assertThat(due).filteredOn(d -> d.subscription().id() == alices.id())
                .singleElement().satisfies(d -> assertThat(d.subscription()).isEqualTo(alices));

        store.warnings().webhookFailed(alices.id(), "w1", T3, "HTTP 500");
        assertThat(store.warnings().dueDeliveries(T2, 10)).extracting(d -> d.subscription().id()).containsExactly(bobs.id());
        WebhookDelivery retry = store.warnings().dueDeliveries(T3, 10).stream()
                .filter(d -> d.subscription().id() == alices.id()).findFirst().orElseThrow();
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.lastError()).isEqualTo("HTTP 500");

        store.warnings().webhookDelivered(alices.id(), "w1", T3);
        store.warnings().webhookDelivered(bobs.id(), "w1", T2);
        assertThat(store.warnings().dueDeliveries(T3, 10)).isEmpty();
        assertThat(store.warnings().addressed("w1", ALICE).orElseThrow().recipient().delivered()).isEqualTo(T3);
    }

    @Test
    void pendingWebhookDeliveriesSurviveAReopen() {
        WebhookSubscription alices = store.warnings().subscribe(ALICE, "https://alice.example/hook", "s1");
        store.warnings().raise(warning("w1", T1, null), List.of(to("w1", ALICE)));
        store.warnings().webhookFailed(alices.id(), "w1", T2, "connection refused");
        store.close();
        store = reopenStore();

        assertThat(store.warnings().subscriptions()).containsExactly(alices);
        assertThat(store.warnings().dueDeliveries(T2, 10)).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
    }

    @Test
    void unsubscribingDropsTheWebhookAndItsPendingDeliveries() {
        WebhookSubscription alices = store.warnings().subscribe(ALICE, "https://alice.example/hook", "s1");
        store.warnings().raise(warning("w1", T1, null), List.of(to("w1", ALICE)));

        assertThat(store.warnings().unsubscribe(alices.id())).isTrue();
        assertThat(store.warnings().unsubscribe(alices.id())).isFalse();
        assertThat(store.warnings().subscriptions()).isEmpty();
        assertThat(store.warnings().dueDeliveries(T1, 10)).isEmpty();
    }

    @Test
    void anAcknowledgementWaitsToBeForwardedUntilMarkedSoAndOnlyTheMembersOwn() {
        store.warnings().raise(warning("w1", T1, null), List.of(to("w1", ALICE), to("w1", BOB)));
        store.warnings().raise(warning("w2", T1, null), List.of(to("w2", ALICE)));
        assertThat(store.warnings().acknowledgementsToForward(ALICE, 10)).as("nothing acknowledged yet").isEmpty();

        store.warnings().acknowledge("w2", ALICE, "cli", T2);
        store.warnings().acknowledge("w1", ALICE, "cli", T1);
        store.warnings().acknowledge("w1", BOB, "bob", T1);
        assertThat(store.warnings().acknowledgementsToForward(ALICE, 10)).as("oldest acknowledgement first")
                .extracting(a -> a.warning().id()).containsExactly("w1", "w2");
        assertThat(store.warnings().acknowledgementsToForward(ALICE, 1)).hasSize(1);

        store.warnings().acknowledgementForwarded("w1", ALICE, T3);
        store.warnings().acknowledgementForwarded("w1", ALICE, T3);
        store.close();
        store = reopenStore();
        assertThat(store.warnings().acknowledgementsToForward(ALICE, 10)).extracting(a -> a.warning().id()).containsExactly("w2");
        assertThat(store.warnings().acknowledgementsToForward(BOB, 10)).extracting(a -> a.warning().id()).containsExactly("w1");
        assertThatThrownBy(() -> store.warnings().acknowledgementsToForward(ALICE, 0)).hasMessageContaining("limit must be positive");
    }

    @Test
    void anUnacknowledgedWarningCannotBeMarkedForwarded() {
        store.warnings().raise(warning("w1", T1, null), List.of(to("w1", ALICE)));
        store.warnings().acknowledgementForwarded("w1", ALICE, T2);
        store.warnings().acknowledge("w1", ALICE, "cli", T3);
        assertThat(store.warnings().acknowledgementsToForward(ALICE, 10)).extracting(a -> a.warning().id()).containsExactly("w1");
    }

    @Test
    void theRemoteWarningCursorOfEachCollectionOnlyMovesForwardAndSurvivesAReopen() {
        assertThat(store.warnings().remoteCursor("c1")).isZero();
        store.warnings().advanceRemoteCursor("c1", 40);
        store.warnings().advanceRemoteCursor("c1", 12);
        store.warnings().advanceRemoteCursor("c2", 7);
        store.close();
        store = reopenStore();
        assertThat(store.warnings().remoteCursor("c1")).isEqualTo(40);
        assertThat(store.warnings().remoteCursor("c2")).isEqualTo(7);
        assertThat(store.warnings().remoteCursor("c3")).isZero();
    }
}
