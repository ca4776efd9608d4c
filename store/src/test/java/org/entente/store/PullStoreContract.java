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
 * What every {@link Store} must do for the pull fallback: a peer's mode, reading a peer's queue from a
 * cursor, acknowledging it up to a seq, and the durable cursor of the peers this node pulls from.
 */
public abstract class PullStoreContract {
    private static final MemberId ALICE = MemberId.ofPublicKey("alice".getBytes(StandardCharsets.UTF_8));
    private static final MemberId BOB = MemberId.ofPublicKey("bob".getBytes(StandardCharsets.UTF_8));
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00.000001Z");

    protected Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    /** The store last opened by {@link #openStore()}, opened again after it was closed. */
    protected abstract Store reopenStore();

    @BeforeEach
    void openEmptyStore() {
        store = openStore();
        for (MemberId member : List.of(ALICE, BOB)) {
            store.peers().save(new Peer(member, "https://" + member.value().substring(10, 18) + ".example:8443",
                    "tls-" + member.value(), "sig-" + member.value(), false, T1));
        }
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPeerIsPushedToUnlessSavedWithAnotherModeWhichSurvivesPausing() {
        assertThat(store.peers().find(ALICE).orElseThrow().mode()).isEqualTo(PeerMode.PUSH);

        store.peers().save(store.peers().find(ALICE).orElseThrow().withMode(PeerMode.PULL));
        store.peers().save(store.peers().find(ALICE).orElseThrow().withPaused(true));

        Peer alice = store.peers().find(ALICE).orElseThrow();
        assertThat(alice.mode()).isEqualTo(PeerMode.PULL);
        assertThat(alice.paused()).isTrue();
        assertThat(store.peers().find(BOB).orElseThrow().mode()).isEqualTo(PeerMode.PUSH);
    }

    @Test
    void aQueueIsReadAfterACursorWhetherOrNotAPushIsDueAndOnlyForItsPeer() {
        long first = store.outbox().enqueue(ALICE, "e1", bytes("one"));
        long second = store.outbox().enqueue(ALICE, "e2", bytes("two"));
        long third = store.outbox().enqueue(ALICE, "e3", bytes("three"));
        store.outbox().enqueue(BOB, "b1", bytes("bob's"));
        store.outbox().failed(ALICE, second, Instant.now().plusSeconds(3600), "connection refused");

        assertThat(store.outbox().after(ALICE, 0, 10)).extracting(OutboxEntry::seq).containsExactly(first, second, third);
        assertThat(store.outbox().after(ALICE, first, 1)).extracting(OutboxEntry::envelopeId).containsExactly("e2");
        assertThat(store.outbox().after(ALICE, third, 10)).isEmpty();
        assertThat(store.outbox().after(ALICE, 0, 10)).extracting(OutboxEntry::envelope)
                .containsExactly(bytes("one"), bytes("two"), bytes("three"));
        assertThatThrownBy(() -> store.outbox().after(ALICE, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acknowledgingThroughASeqDeliversEverythingUpToItOnceAndNothingOfOtherPeers() {
        long first = store.outbox().enqueue(ALICE, "e1", bytes("one"));
        long second = store.outbox().enqueue(ALICE, "e2", bytes("two"));
        long third = store.outbox().enqueue(ALICE, "e3", bytes("three"));
        store.outbox().enqueue(BOB, "b1", bytes("bob's"));

        store.outbox().deliveredThrough(ALICE, second);

        assertThat(store.outbox().after(ALICE, 0, 10)).extracting(OutboxEntry::seq).containsExactly(third);
        OutboxState state = store.outbox().state(ALICE);
        assertThat(state.pending()).isEqualTo(1);
        assertThat(state.lastDelivered()).isNotNull();
        assertThat(store.outbox().state(BOB).pending()).isEqualTo(1);

        // A repeated acknowledgement changes nothing, not even when the last delivery was.
        store.outbox().deliveredThrough(ALICE, first);
        assertThat(store.outbox().state(ALICE)).isEqualTo(state);
    }

    @Test
    void aPullCursorStartsAtZeroOnlyMovesForwardAndSurvivesAReopening() {
        assertThat(store.pullCursors().cursor(ALICE)).isEqualTo(PullCursor.START);

        store.pullCursors().advance(ALICE, 7);
        store.pullCursors().advance(ALICE, 3);
        store.pullCursors().failed(ALICE, "connection refused");

        PullCursor cursor = store.pullCursors().cursor(ALICE);
        assertThat(cursor.pulledThrough()).isEqualTo(7);
        assertThat(cursor.lastPulled()).isNotNull();
        assertThat(cursor.lastError()).isEqualTo("connection refused");
        assertThat(store.pullCursors().cursor(BOB)).isEqualTo(PullCursor.START);

        store.close();
        store = reopenStore();
        store.pullCursors().advance(ALICE, 9);
        assertThat(store.pullCursors().cursor(ALICE).pulledThrough()).isEqualTo(9);
        assertThat(store.pullCursors().cursor(ALICE).lastError()).isNull();
    }

    @Test
    void aCursorOfAnUnknownPeerIsRefusedAndRemovingAPeerDropsItsCursor() {
        MemberId stranger = MemberId.ofPublicKey("stranger".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.pullCursors().advance(stranger, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown peer");
        assertThatThrownBy(() -> store.pullCursors().advance(ALICE, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");

        store.pullCursors().advance(ALICE, 5);
        assertThat(store.peers().remove(ALICE)).isTrue();

        assertThat(store.pullCursors().cursor(ALICE)).isEqualTo(PullCursor.START);
    }
}
