package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.store.ShareStore.VersionRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do with federation data (members and keys, communities, peers, outbox,
 * inbox, shares), run against each implementation by a subclass that opens a fresh, empty store per test.
 */
public abstract class FederationStoreContract {
    private static final MemberId ALICE = member("alice");
    private static final MemberId BOB = member("bob");
    private static final MemberId CAROL = member("carol");
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00.000001Z");
    private static final Instant T2 = Instant.parse("2024-01-02T00:00:00.000002Z");
    private static final Instant T3 = Instant.parse("2024-01-03T00:00:00.000003Z");

    protected Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    /** The store last opened by {@link #openStore()}, opened again after it was closed. */
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Instant nowInMicros() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private void addPeers(MemberId... members) {
        for (MemberId member : members) {
            store.peers().save(new Peer(member, "https://" + member.value().substring(10, 18) + ".example:8443",
                    "tls-" + member.value(), "sig-" + member.value(), false, T1));
        }
    }

    // Members and keys

    @Test
    void aSavedMemberIsFoundAsSavedAndMembersAreListedByName() {
        Member alice = new Member(ALICE, "Zeta CERT", "DE", Level.STATE, "cyber");
        Member bob = new Member(BOB, "Alpha fraud unit", "FR", Level.SECTORAL, "finance");
        store.members().save(alice);
        store.members().save(bob);

        assertThat(store.members().find(ALICE)).contains(alice);
        assertThat(store.members().find(CAROL)).isEmpty();
        assertThat(store.members().list()).containsExactly(bob, alice);
    }

    @Test
    void savingAMemberAgainUpdatesItsDescriptorAndKeepsItsKeys() {
        store.members().save(new Member(ALICE, "CERT", "DE", Level.STATE, "cyber"));
        store.members().saveKeyChain(ALICE, bytes("chain one"));

        Member renamed = new Member(ALICE, "Ministry", "AT", Level.MINISTERIAL, "civil-protection");
        store.members().save(renamed);

        assertThat(store.members().find(ALICE)).contains(renamed);
        assertThat(store.members().list()).containsExactly(renamed);
        assertThat(store.members().keyChain(ALICE)).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("chain one")));
    }

    @Test
    void theLocalMemberIsUnsetUntilMarkedAndThenNeverChanges() {
        Member alice = new Member(ALICE, "CERT", "DE", Level.STATE, "cyber");
        store.members().save(alice);
        store.members().save(new Member(BOB, "Other", "FR", Level.STATE, "cyber"));
        assertThat(store.members().local()).isEmpty();

        store.members().setLocal(ALICE);
        store.members().setLocal(ALICE); // the same member again is fine

        assertThat(store.members().local()).contains(alice);
        assertThatThrownBy(() -> store.members().setLocal(BOB)).isInstanceOf(IllegalStateException.class);
        assertThat(store.members().local()).contains(alice);
    }

    @Test
    void onlyAKnownMemberCanBeMarkedLocalOrGetKeys() {
        assertThatThrownBy(() -> store.members().setLocal(CAROL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CAROL.value());
        assertThatThrownBy(() -> store.members().saveKeyChain(CAROL, bytes("k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CAROL.value());
        assertThat(store.members().local()).isEmpty();
    }

    @Test
    void aKeyChainIsKeptByteForByteAndReplacedWhole() {
        store.members().save(new Member(ALICE, "CERT", "DE", Level.STATE, "cyber"));
        store.members().save(new Member(BOB, "Other", "FR", Level.STATE, "cyber"));
        store.members().saveKeyChain(ALICE, new byte[] {0, 1, (byte) 0xff, 42});
        store.members().saveKeyChain(BOB, bytes("bob's chain"));
        assertThat(store.members().keyChain(ALICE)).hasValueSatisfying(c -> assertThat(c).containsExactly(0, 1, 0xff, 42));

        store.members().saveKeyChain(ALICE, bytes("extended chain"));

        assertThat(store.members().keyChain(ALICE)).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("extended chain")));
        assertThat(store.members().keyChain(BOB)).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("bob's chain")));
        assertThat(store.members().keyChain(CAROL)).isEmpty();
    }

    // Communities

    @Test
    void aCharterRoundTripsWithMembersDomainsHighestTlpRelayAndHiddenMembership() {
        Community hidden = new Community("fraud-eu",
                new Charter(Set.of(ALICE, BOB, CAROL), Set.of("fraud", "cyber"), Tlp.AMBER_STRICT, true, true));
        Community open = new Community("bilateral-de-fr",
                new Charter(Set.of(ALICE, BOB), Set.of(), Tlp.RED, false, false));
        store.communities().save(hidden);
        store.communities().save(open);

        assertThat(store.communities().find("fraud-eu")).contains(hidden);
        assertThat(store.communities().find("bilateral-de-fr")).contains(open);
        assertThat(store.communities().find("nobody")).isEmpty();
        assertThat(store.communities().list()).containsExactly(open, hidden);
    }

    @Test
    void everyTlpRoundTripsAsAHighestTlp() {
        for (Tlp tlp : Tlp.values()) {
            Community community = new Community("c-" + tlp.ordinal(), new Charter(Set.of(ALICE), Set.of("cyber"), tlp, false, false));
            store.communities().save(community);
            assertThat(store.communities().find(community.name())).contains(community);
        }
    }

    @Test
    void savingACommunityAgainReplacesItsWholeCharter() {
        store.communities().save(new Community("health",
                new Charter(Set.of(ALICE, BOB), Set.of("health", "cyber"), Tlp.GREEN, true, false)));
        Community replaced = new Community("health", new Charter(Set.of(CAROL), Set.of(), Tlp.AMBER, false, true));

        store.communities().save(replaced);

        assertThat(store.communities().find("health")).contains(replaced);
        assertThat(store.communities().list()).containsExactly(replaced);
    }

    @Test
    void removingACommunitySaysWhetherItExisted() {
        store.communities().save(new Community("health", new Charter(Set.of(ALICE), Set.of("health"), Tlp.GREEN, true, false)));
        store.communities().save(new Community("cyber", new Charter(Set.of(BOB), Set.of("cyber"), Tlp.GREEN, true, false)));

        assertThat(store.communities().remove("health")).isTrue();
        assertThat(store.communities().remove("health")).isFalse();

        assertThat(store.communities().find("health")).isEmpty();
        assertThat(store.communities().list()).extracting(Community::name).containsExactly("cyber");
        // A community of the same name starts from an empty charter.
        Community again = new Community("health", new Charter(Set.of(CAROL), Set.of(), Tlp.CLEAR, false, false));
        store.communities().save(again);
        assertThat(store.communities().find("health")).contains(again);
    }

    // Peers

    @Test
    void aPeerRoundTripsAndSavingAgainUpdatesUrlPinsAndPausedButNotWhenItWasAdded() {
        Peer peer = new Peer(ALICE, "https://a.example:8443", "tls-1", "sig-1", false, T1);
        store.peers().save(peer);
        assertThat(store.peers().find(ALICE)).contains(peer);

        store.peers().save(new Peer(ALICE, "https://b.example", "tls-2", "sig-2", true, T3));

        assertThat(store.peers().find(ALICE)).contains(new Peer(ALICE, "https://b.example", "tls-2", "sig-2", true, T1));
        store.peers().save(store.peers().find(ALICE).orElseThrow().withPaused(false));
        assertThat(store.peers().find(ALICE).orElseThrow().paused()).isFalse();
        assertThat(store.peers().find(BOB)).isEmpty();
    }

    @Test
    void peersAreListedInTheOrderTheyWereAdded() {
        store.peers().save(new Peer(BOB, "https://b", "t", "s", false, T2));
        store.peers().save(new Peer(ALICE, "https://a", "t", "s", false, T3));
        store.peers().save(new Peer(CAROL, "https://c", "t", "s", true, T1));

        assertThat(store.peers().list()).extracting(Peer::member).containsExactly(CAROL, BOB, ALICE);
    }

    @Test
    void oneEnvelopeIsEnqueuedForSeveralPeersAtOnceOrForNone() {
        addPeers(ALICE, BOB);
        store.outbox().enqueue(List.of(ALICE, BOB), "e1", bytes("one"));
        assertThat(store.outbox().due(ALICE, Instant.now(), 10)).extracting(OutboxEntry::envelopeId).containsExactly("e1");
        assertThat(store.outbox().due(BOB, Instant.now(), 10)).extracting(OutboxEntry::envelopeId).containsExactly("e1");

        assertThatThrownBy(() -> store.outbox().enqueue(List.of(ALICE, CAROL), "e2", bytes("two")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.outbox().due(ALICE, Instant.now(), 10)).extracting(OutboxEntry::envelopeId).containsExactly("e1");
    }

    @Test
    void removingAPeerDropsItsOutboxAndStateButNoOtherPeers() {
        addPeers(ALICE, BOB);
        store.outbox().enqueue(ALICE, "e1", bytes("one"));
        long delivered = store.outbox().enqueue(ALICE, "e2", bytes("two"));
        store.outbox().delivered(ALICE, delivered);
        store.outbox().enqueue(BOB, "e1", bytes("one"));

        assertThat(store.peers().remove(ALICE)).isTrue();
        assertThat(store.peers().remove(ALICE)).isFalse();

        assertThat(store.peers().find(ALICE)).isEmpty();
        assertThat(store.outbox().due(ALICE, T3, 10)).isEmpty();
        assertThat(store.outbox().state(ALICE)).isEqualTo(new OutboxState(0, null, null, null));
        assertThat(store.outbox().due(BOB, Instant.now(), 10)).extracting(OutboxEntry::envelopeId).containsExactly("e1");
        // Added again, the peer starts with an empty outbox.
        addPeers(ALICE);
        assertThat(store.outbox().state(ALICE).pending()).isZero();
    }

    // Outbox

    @Test
    void enqueuingTheSameEnvelopeForTheSamePeerTwiceKeepsOneEntryAndReturnsItsSequenceNumber() {
        addPeers(ALICE, BOB);
        long first = store.outbox().enqueue(ALICE, "e1", bytes("original"));
        long again = store.outbox().enqueue(ALICE, "e1", bytes("something else"));
        long otherPeer = store.outbox().enqueue(BOB, "e1", bytes("original"));

        assertThat(again).isEqualTo(first);
        assertThat(otherPeer).isNotEqualTo(first);
        List<OutboxEntry> due = store.outbox().due(ALICE, T1, 10);
        assertThat(due).hasSize(1);
        assertThat(due.getFirst().envelope()).isEqualTo(bytes("original"));
        assertThat(store.outbox().state(ALICE).pending()).isEqualTo(1);
    }

    @Test
    void aNewEntryIsDueAtOnceWithItsBytesAndNoAttempts() {
        addPeers(ALICE);
        Instant before = nowInMicros();
        byte[] envelope = {0, 1, 2, (byte) 0x80, (byte) 0xff};
        long seq = store.outbox().enqueue(ALICE, "e1", envelope);
        Instant after = Instant.now();

        OutboxEntry entry = store.outbox().due(ALICE, T1, 10).getFirst();
        assertThat(entry.seq()).isEqualTo(seq);
        assertThat(entry.peer()).isEqualTo(ALICE);
        assertThat(entry.envelopeId()).isEqualTo("e1");
        assertThat(entry.envelope()).isEqualTo(envelope);
        assertThat(entry.enqueued()).isBetween(before, after);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.nextAttempt()).isNull();
        assertThat(entry.lastError()).isNull();
    }

    @Test
    void dueEntriesComeInSequenceOrderPerPeerUpToTheLimit() {
        addPeers(ALICE, BOB);
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seqs.add(store.outbox().enqueue(ALICE, "e" + i, bytes("alice " + i)));
            store.outbox().enqueue(BOB, "b" + i, bytes("bob " + i));
        }

        assertThat(seqs).isSorted();
        assertThat(store.outbox().due(ALICE, T1, 3)).extracting(OutboxEntry::seq).containsExactlyElementsOf(seqs.subList(0, 3));
        assertThat(store.outbox().due(ALICE, T1, 100)).extracting(OutboxEntry::envelopeId)
                .containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(store.outbox().due(CAROL, T1, 100)).isEmpty();
    }

    @Test
    void aFailedDeliveryCountsAttemptsKeepsTheErrorAndWaitsUntilTheNextAttempt() {
        addPeers(ALICE);
        long first = store.outbox().enqueue(ALICE, "e1", bytes("one"));
        long second = store.outbox().enqueue(ALICE, "e2", bytes("two"));

        store.outbox().failed(ALICE, first, T2, "connection refused");

        assertThat(store.outbox().due(ALICE, T1, 10)).extracting(OutboxEntry::seq).containsExactly(second);
        OutboxEntry retried = store.outbox().due(ALICE, T2, 10).getFirst();
        assertThat(retried.seq()).isEqualTo(first);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.nextAttempt()).isEqualTo(T2);
        assertThat(retried.lastError()).isEqualTo("connection refused");
        assertThat(store.outbox().state(ALICE).lastError()).isEqualTo("connection refused");

        store.outbox().failed(ALICE, first, T3, "timeout");

        assertThat(store.outbox().due(ALICE, T2, 10)).extracting(OutboxEntry::seq).containsExactly(second);
        OutboxEntry again = store.outbox().due(ALICE, T3, 10).getFirst();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.lastError()).isEqualTo("timeout");
        assertThat(store.outbox().state(ALICE).pending()).isEqualTo(2);
    }

    @Test
    void aDeliveredEntryLeavesTheOutboxAndARepeatedConfirmationChangesNothing() {
        addPeers(ALICE, BOB);
        long first = store.outbox().enqueue(ALICE, "e1", bytes("one"));
        long second = store.outbox().enqueue(ALICE, "e2", bytes("two"));
        store.outbox().failed(ALICE, first, T1, "connection refused");

        Instant before = nowInMicros();
        store.outbox().delivered(ALICE, first);
        Instant after = Instant.now();

        assertThat(store.outbox().due(ALICE, T3, 10)).extracting(OutboxEntry::seq).containsExactly(second);
        OutboxState state = store.outbox().state(ALICE);
        assertThat(state.pending()).isEqualTo(1);
        assertThat(state.lastDelivered()).isBetween(before, after);
        assertThat(state.lastError()).isNull();

        store.outbox().delivered(ALICE, first);
        store.outbox().delivered(BOB, second); // another peer's confirmation does not touch this outbox
        store.outbox().failed(ALICE, first, T3, "stale failure report");

        assertThat(store.outbox().state(ALICE)).isEqualTo(state);
        assertThat(store.outbox().state(BOB)).isEqualTo(new OutboxState(0, null, null, null));
    }

    @Test
    void theStateShowsPendingEntriesAndWhenTheOldestWasEnqueued() {
        addPeers(ALICE);
        assertThat(store.outbox().state(ALICE)).isEqualTo(new OutboxState(0, null, null, null));

        Instant before = nowInMicros();
        long first = store.outbox().enqueue(ALICE, "e1", bytes("one"));
        Instant between = Instant.now();
        long second = store.outbox().enqueue(ALICE, "e2", bytes("two"));

        OutboxState lagging = store.outbox().state(ALICE);
        assertThat(lagging.pending()).isEqualTo(2);
        assertThat(lagging.oldestPending()).isBetween(before, between);
        assertThat(lagging.lastDelivered()).isNull();

        store.outbox().delivered(ALICE, first);
        Instant secondEnqueued = store.outbox().due(ALICE, T1, 1).getFirst().enqueued();
        assertThat(store.outbox().state(ALICE).oldestPending()).isEqualTo(secondEnqueued);

        store.outbox().delivered(ALICE, second);
        OutboxState caughtUp = store.outbox().state(ALICE);
        assertThat(caughtUp.pending()).isZero();
        assertThat(caughtUp.oldestPending()).isNull();
        assertThat(caughtUp.lastDelivered()).isNotNull();
    }

    @Test
    void enqueuingForAnUnknownPeerIsRefusedNamingIt() {
        assertThatThrownBy(() -> store.outbox().enqueue(CAROL, "e1", bytes("one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CAROL.value());
    }

    @Test
    void theOutboxInboxAndEverythingElseSurviveClosingAndReopening() {
        Member alice = new Member(ALICE, "CERT", "DE", Level.STATE, "cyber");
        store.members().save(alice);
        store.members().setLocal(ALICE);
        addPeers(BOB);
        long pending = store.outbox().enqueue(BOB, "e1", bytes("one"));
        long delivered = store.outbox().enqueue(BOB, "e2", bytes("two"));
        store.outbox().failed(BOB, pending, T2, "refused");
        store.outbox().delivered(BOB, delivered);
        OutboxState state = store.outbox().state(BOB);
        List<OutboxEntry> due = store.outbox().due(BOB, T3, 10);
        ReceivedEnvelope received = new ReceivedEnvelope("in-1", CAROL, BOB, T1, bytes("{\"raw\":true}"));
        store.inbox().record(received);
        Share share = new Share("indicator--a", T1, "in-1", SharingLabels.of(CAROL, Distribution.toMembers(ALICE), Tlp.AMBER, "cyber"));
        store.shares().record(List.of(share));
        store.close();

        store = reopenStore();

        assertThat(store.members().local()).contains(alice);
        assertThat(store.outbox().state(BOB)).isEqualTo(state);
        assertThat(store.outbox().due(BOB, T3, 10)).usingRecursiveFieldByFieldElementComparator().isEqualTo(due);
        assertThat(store.outbox().enqueue(BOB, "e1", bytes("one"))).isEqualTo(pending);
        assertThat(store.outbox().enqueue(BOB, "e3", bytes("three"))).isGreaterThan(delivered);
        assertThat(store.inbox().record(received)).isFalse();
        assertThat(store.inbox().find("in-1").orElseThrow().raw()).isEqualTo(received.raw());
        assertThat(store.shares().originOf("indicator--a")).contains(CAROL);
    }

    // Inbox

    @Test
    void anEnvelopeIsRecordedOnceAndKeptAsFirstReceived() {
        ReceivedEnvelope first = new ReceivedEnvelope("env-1", ALICE, BOB, T1, new byte[] {1, 2, 3, (byte) 0xfe});
        ReceivedEnvelope replay = new ReceivedEnvelope("env-1", CAROL, CAROL, T2, bytes("tampered"));

        assertThat(store.inbox().record(first)).isTrue();
        assertThat(store.inbox().record(replay)).isFalse();

        ReceivedEnvelope found = store.inbox().find("env-1").orElseThrow();
        assertThat(found.envelopeId()).isEqualTo("env-1");
        assertThat(found.origin()).isEqualTo(ALICE);
        assertThat(found.sender()).isEqualTo(BOB);
        assertThat(found.received()).isEqualTo(T1);
        assertThat(found.raw()).containsExactly(1, 2, 3, 0xfe);
        assertThat(store.inbox().find("env-2")).isEmpty();
    }

    // Shares

    private static SharingLabels fullLabels(MemberId origin) {
        return new SharingLabels(origin, new Distribution(Set.of(BOB, CAROL), Set.of("fraud-eu", "health"), true),
                Tlp.AMBER_STRICT, "fraud", Optional.of(HandlingCode.H2), Optional.of(Grading.parse("B2")));
    }

    @Test
    void sharesRoundTripEveryLabel() {
        Share full = new Share("indicator--a", T1, "env-1", fullLabels(ALICE));
        Share bare = new Share("indicator--b", T2, "env-1",
                SharingLabels.of(BOB, Distribution.ORGANISATION, Tlp.CLEAR, "cyber"));
        Share toCommunities = new Share("indicator--c", T3, "env-2",
                new SharingLabels(CAROL, new Distribution(Set.of(), Set.of(), true), Tlp.RED, "health",
                        Optional.of(HandlingCode.H0), Optional.empty()));
        Share toMembers = new Share("indicator--d", T3, "env-2",
                new SharingLabels(CAROL, Distribution.toMembers(ALICE), Tlp.GREEN, "maritime",
                        Optional.empty(), Optional.of(new Grading('F', 6))));
        store.shares().record(List.of(full, bare, toCommunities, toMembers));

        VersionRef a = new VersionRef("indicator--a", T1);
        VersionRef b = new VersionRef("indicator--b", T2);
        VersionRef c = new VersionRef("indicator--c", T3);
        VersionRef d = new VersionRef("indicator--d", T3);
        assertThat(store.shares().sharesOf(List.of(a, b, c, d)))
                .isEqualTo(Map.of(a, List.of(full), b, List.of(bare), c, List.of(toCommunities), d, List.of(toMembers)));
    }

    @Test
    void everyTlpHandlingCodeAndGradingRoundTrips() {
        List<Share> shares = new ArrayList<>();
        int n = 0;
        for (Tlp tlp : Tlp.values()) {
            for (HandlingCode code : HandlingCode.values()) {
                Grading grading = new Grading((char) ('A' + n % 6), 1 + n % 6);
                shares.add(new Share("note--" + n++, T1, "env", new SharingLabels(
                        ALICE, Distribution.toCommunities("c"), tlp, "cyber", Optional.of(code), Optional.of(grading))));
            }
        }
        store.shares().record(shares);

        Map<VersionRef, List<Share>> found = store.shares().sharesOf(
                shares.stream().map(s -> new VersionRef(s.objectId(), s.version())).toList());
        assertThat(found.values().stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(shares);
    }

    @Test
    void recordingTheSameShareAgainChangesNothingAndAnotherEnvelopeAddsASecondShare() {
        Share first = new Share("indicator--a", T1, "env-1", fullLabels(ALICE));
        store.shares().record(List.of(first));
        Share sameKeyOtherLabels = new Share("indicator--a", T1, "env-1",
                SharingLabels.of(BOB, Distribution.ORGANISATION, Tlp.CLEAR, "cyber"));
        Share later = new Share("indicator--a", T1, "env-2",
                SharingLabels.of(ALICE, Distribution.toCommunities("health"), Tlp.GREEN, "fraud"));

        store.shares().record(List.of(first, sameKeyOtherLabels, later, later));

        VersionRef a = new VersionRef("indicator--a", T1);
        assertThat(store.shares().sharesOf(List.of(a))).isEqualTo(Map.of(a, List.of(first, later)));
    }

    @Test
    void versionsWithoutSharesAreAbsentAndEachVersionHasItsOwnShares() {
        Share v1 = new Share("indicator--a", T1, "env-1", fullLabels(ALICE));
        Share v2 = new Share("indicator--a", T2, "env-2", SharingLabels.of(ALICE, Distribution.toMembers(BOB), Tlp.RED, "cyber"));
        Share unversioned = new Share("ipv4-addr--x", null, "env-1", SharingLabels.of(ALICE, Distribution.toMembers(CAROL), Tlp.AMBER, "cyber"));
        // Shares T1 with indicator--a, so the lookup must pair ids with their own versions.
        Share other = new Share("indicator--b", T3, "env-1", SharingLabels.of(ALICE, Distribution.toMembers(CAROL), Tlp.AMBER, "cyber"));
        store.shares().record(List.of(v1, v2, unversioned, other));

        VersionRef a1 = new VersionRef("indicator--a", T1);
        VersionRef a3 = new VersionRef("indicator--a", T3);
        VersionRef b1 = new VersionRef("indicator--b", T1);
        VersionRef x = new VersionRef("ipv4-addr--x", null);
        VersionRef xAt = new VersionRef("ipv4-addr--x", T1);
        VersionRef unknown = new VersionRef("indicator--z", T1);

        assertThat(store.shares().sharesOf(List.of(a1, a3, b1, x, xAt, unknown)))
                .isEqualTo(Map.of(a1, List.of(v1), x, List.of(unversioned)));
        assertThat(store.shares().sharesOf(List.of())).isEmpty();
    }

    // Units of work

    private static final String COLLECTION_A = "6f0c3e1a-0000-4000-8000-00000000000a";
    private static final String COLLECTION_B = "6f0c3e1a-0000-4000-8000-00000000000b";

    private static NewVersion indicator(String id, Instant version) {
        return new NewVersion(id, "indicator", "2.1", version, "{\"id\":\"" + id + "\"}");
    }

    private void addCollections() {
        store.collections().create(new CollectionInfo(COLLECTION_A, "A", null, "a"));
        store.collections().create(new CollectionInfo(COLLECTION_B, "B", null, "b"));
    }

    private List<String> idsIn(String collection) {
        return store.objects().find(collection, ObjectQuery.all()).items().stream().map(StoredVersion::id).toList();
    }

    @Test
    void objectsInSeveralCollectionsTheirSharesTheEnvelopeAndItsOutboxEntryCommitTogether() {
        addCollections();
        addPeers(CAROL);
        List<NewVersion> batch = List.of(indicator("indicator--a", T1), indicator("indicator--b", T2));
        Share a = new Share("indicator--a", T1, "env-1", fullLabels(ALICE));
        Share b = new Share("indicator--b", T2, "env-1", fullLabels(ALICE));

        List<WriteOutcome> outcomes = store.atomically(work -> {
            work.objects(COLLECTION_A, batch);
            List<WriteOutcome> inB = work.objects(COLLECTION_B, batch);
            work.shares(List.of(a, b));
            assertThat(work.inbox(new ReceivedEnvelope("env-1", ALICE, BOB, T1, bytes("raw")))).isTrue();
            work.outbox(List.of(CAROL), "env-1", bytes("raw"));
            return inB;
        });

        assertThat(outcomes).containsExactly(WriteOutcome.ADDED, WriteOutcome.ADDED);
        assertThat(idsIn(COLLECTION_A)).containsExactly("indicator--a", "indicator--b");
        assertThat(idsIn(COLLECTION_B)).containsExactly("indicator--a", "indicator--b");
        VersionRef refA = new VersionRef("indicator--a", T1);
        VersionRef refB = new VersionRef("indicator--b", T2);
        assertThat(store.shares().sharesOf(List.of(refA, refB))).isEqualTo(Map.of(refA, List.of(a), refB, List.of(b)));
        assertThat(store.inbox().find("env-1")).isPresent();
        assertThat(store.outbox().due(CAROL, Instant.now().plusSeconds(60), 10)).extracting(OutboxEntry::envelopeId)
                .containsExactly("env-1");
    }

    @Test
    void whileAUnitOfWorkIsOpenReadersSeeNeitherItsObjectsNorTheirShares() {
        addCollections();
        VersionRef ref = new VersionRef("indicator--a", T1);

        List<String> seenInside = store.atomically(work -> {
            work.objects(COLLECTION_A, List.of(indicator("indicator--a", T1)));
            work.shares(List.of(new Share("indicator--a", T1, "env-1", fullLabels(ALICE))));
            assertThat(store.shares().sharesOf(List.of(ref))).isEmpty();
            return idsIn(COLLECTION_A);
        });

        assertThat(seenInside).isEmpty();
        assertThat(idsIn(COLLECTION_A)).containsExactly("indicator--a");
        assertThat(store.shares().sharesOf(List.of(ref))).containsOnlyKeys(ref);
    }

    @Test
    void aUnitOfWorkThatFailsPartWayLeavesNeitherObjectsNorSharesNorTheEnvelope() {
        addCollections();
        long markBefore = store.objects().changeMark();

        // The outbox refuses an unknown peer after the objects, shares and envelope were written.
        assertThatThrownBy(() -> store.atomically(work -> {
            work.objects(COLLECTION_A, List.of(indicator("indicator--a", T1)));
            work.shares(List.of(new Share("indicator--a", T1, "env-1", fullLabels(ALICE))));
            work.inbox(new ReceivedEnvelope("env-1", ALICE, BOB, T1, bytes("raw")));
            work.outbox(List.of(CAROL), "env-1", bytes("raw"));
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CAROL.value());

        assertThat(idsIn(COLLECTION_A)).isEmpty();
        assertThat(store.objects().countObjects(COLLECTION_A)).isZero();
        assertThat(store.objects().changeMark()).isEqualTo(markBefore);
        assertThat(store.shares().originOf("indicator--a")).isEmpty();
        assertThat(store.inbox().find("env-1")).isEmpty();

        // Nothing of it stands in the way of writing it again.
        store.atomically(work -> {
            work.objects(COLLECTION_A, List.of(indicator("indicator--a", T1)));
            work.shares(List.of(new Share("indicator--a", T1, "env-1", fullLabels(ALICE))));
            return work.inbox(new ReceivedEnvelope("env-1", ALICE, BOB, T1, bytes("raw")));
        });
        assertThat(idsIn(COLLECTION_A)).containsExactly("indicator--a");
        assertThat(store.shares().originOf("indicator--a")).contains(ALICE);
    }

    @Test
    void aUnitOfWorkIntoAnUnknownCollectionIsRefusedAndStoresNoShares() {
        assertThatThrownBy(() -> store.atomically(work -> {
            work.shares(List.of(new Share("indicator--a", T1, "env-1", fullLabels(ALICE))));
            return work.objects("no-such-collection", List.of(indicator("indicator--a", T1)));
        })).hasMessageContaining("no-such-collection");

        assertThat(store.shares().originOf("indicator--a")).isEmpty();
    }

    @Test
    void theOriginOfAnObjectIsTheOriginOfItsFirstShare() {
        store.shares().record(List.of(new Share("indicator--a", T2, "env-1", fullLabels(BOB))));
        // Later shares, even of an earlier version and by another origin, do not change who the origin is.
        store.shares().record(List.of(
                new Share("indicator--a", T1, "env-2", fullLabels(ALICE)),
                new Share("indicator--b", T1, "env-2", fullLabels(CAROL))));

        assertThat(store.shares().originOf("indicator--a")).contains(BOB);
        assertThat(store.shares().originOf("indicator--b")).contains(CAROL);
        assertThat(store.shares().originOf("indicator--z")).isEmpty();
    }

    @Test
    void theOriginsOfManyObjectsComeBackInOneAnswerAcrossChunks() {
        List<Share> shares = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String id = "indicator--" + i;
            ids.add(id);
            shares.add(new Share(id, T1, "env-1", fullLabels(i % 2 == 0 ? BOB : CAROL)));
        }
        store.shares().record(shares);
        // A later share by another member does not change who the origin is.
        store.shares().record(List.of(new Share("indicator--0", T2, "env-2", fullLabels(ALICE))));
        ids.add("indicator--never-shared");

        Map<String, MemberId> origins = store.shares().originsOf(ids);

        assertThat(origins).hasSize(1_200).doesNotContainKey("indicator--never-shared");
        assertThat(origins.get("indicator--0")).isEqualTo(BOB);
        assertThat(origins.get("indicator--1199")).isEqualTo(CAROL);
        assertThat(store.shares().originsOf(List.of())).isEmpty();
    }

    @Test
    void aLargePageOfVersionsComesBackCompleteAcrossChunks() {
        List<Share> shares = new ArrayList<>();
        List<VersionRef> refs = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            Instant version = T1.plusSeconds(i % 7);
            Distribution distribution = new Distribution(Set.of(i % 2 == 0 ? BOB : CAROL), Set.of("c" + i % 5), i % 3 == 0);
            shares.add(new Share("indicator--" + i, version, "env-" + i % 4,
                    SharingLabels.of(ALICE, distribution, Tlp.values()[i % 5], "cyber")));
            shares.add(new Share("indicator--" + i, version, "env-extra",
                    SharingLabels.of(ALICE, Distribution.ORGANISATION, Tlp.RED, "fraud")));
            refs.add(new VersionRef("indicator--" + i, version));
        }
        store.shares().record(shares);

        Map<VersionRef, List<Share>> found = store.shares().sharesOf(refs);

        assertThat(found).hasSize(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            assertThat(found.get(refs.get(i))).containsExactly(shares.get(2 * i), shares.get(2 * i + 1));
        }
    }
}
