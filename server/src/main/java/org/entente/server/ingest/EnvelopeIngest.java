package org.entente.server.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Decision;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.federation.envelope.Envelope;
import org.entente.federation.envelope.EnvelopeVerifier;
import org.entente.federation.envelope.RejectionReason;
import org.entente.federation.envelope.Verification;
import org.entente.server.share.Channels;
import org.entente.store.NewVersion;
import org.entente.store.ReceivedEnvelope;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest path for peers' envelopes. An envelope is stored only when all of this holds: its signature
 * verifies against the origin's key chain, it is not a replay, this node's member is in its audience, and
 * a sender other than the origin may relay it here. Then each object is stored unless it is invalid or
 * it would change an object that another member originated: only the origin changes its objects.
 * Every decision is logged with the envelope id.
 */
public final class EnvelopeIngest {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeIngest.class);

    private final Store store;
    private final EnvelopeVerifier verifier;
    private final Ingest ingest;
    private final Channels channels;
    private final MemberId local;
    private final Clock clock;
    private final Onward onward;

    /**
     * Where an envelope goes on to from here: the share stage relays it where the policy allows. The peers
     * are decided before the envelope is stored, and it is queued for them in the transaction that stores
     * it, so a crash cannot leave it stored (and so a duplicate to its sender) but never relayed.
     */
    public interface Onward {
        /** The peers this node passes {@code envelope}, received from {@code sender}, on to. */
        List<MemberId> peers(Envelope envelope, MemberId sender);

        /** Called once the envelope is stored and queued for {@code peers} (not empty). */
        void queued(Envelope envelope, List<MemberId> peers);
    }

    /**
     * Learns a member's current key chain again (from its node's identity, over the pinned connection);
     * true when the chain changed. A peer that rotated its key is recognised by its next envelope.
     */
    @FunctionalInterface
    public interface KeyRefresh {
        boolean refresh(MemberId member);
    }

    private KeyRefresh keyRefresh = member -> false;

    public EnvelopeIngest(Store store, EnvelopeVerifier verifier, Ingest ingest, Channels channels, MemberId local,
                          Clock clock, Onward onward) {
        this.store = store;
        this.verifier = verifier;
        this.ingest = ingest;
        this.channels = channels;
        this.local = local;
        this.clock = clock;
        this.onward = onward;
    }

    /** Sets how unknown keys of a sending peer are learnt; by default they are not. */
    public void learnKeysWith(KeyRefresh refresh) {
        this.keyRefresh = refresh;
    }

    public EnvelopeReceipt receive(byte[] bytes, MemberId sender) {
        Verification verification = verifier.verify(bytes);
        if (verification instanceof Verification.Rejected r && r.reason() == RejectionReason.KEY_NOT_OF_ORIGIN
                && keyRefresh.refresh(sender)) {
            LOG.info("learnt a new signing key of {}; verifying again", sender);
            verification = verifier.verify(bytes);
        }
        if (verification instanceof Verification.Rejected r) {
            if (r.reason() == RejectionReason.REPLAYED) {
                LOG.info("envelope from {} already received: nothing changed", sender);
                return new EnvelopeReceipt(EnvelopeReceipt.Kind.DUPLICATE, r.message(), 0, List.of());
            }
            LOG.warn("refused envelope from {}: {} ({})", sender, r.reason(), r.message());
            return EnvelopeReceipt.refused(r.reason() + ": " + r.message());
        }
        Verification.Accepted accepted = (Verification.Accepted) verification;
        Envelope envelope = accepted.envelope();
        SharingLabels labels = envelope.labels();
        SharingPolicy policy = new SharingPolicy(store.communities().list());
        Decision mine = policy.mayReceive(labels, local);
        if (!mine.allowed()) {
            LOG.warn("refused envelope {} from {}: this member is not in its audience ({})", envelope.id().value(), sender, mine.reason());
            return EnvelopeReceipt.refused("this member is not in the envelope's audience");
        }
        if (!sender.equals(envelope.origin())) {
            Decision relay = policy.mayRelay(labels, sender, local);
            if (!relay.allowed()) {
                LOG.warn("refused envelope {} relayed by {}: {}", envelope.id().value(), sender, relay.reason());
                return EnvelopeReceipt.refused("the sender may not relay this envelope: " + relay.reason());
            }
        }
        List<String> rejected = new ArrayList<>();
        List<Element> elements = new ArrayList<>(envelope.objects().size());
        for (int i = 0; i < envelope.objects().size(); i++) {
            // Stored as received: writing each object out again cost about a tenth of a receiver's CPU.
            elements.add(new Element(i, envelope.objects().get(i), null, accepted.objectText(i)));
        }
        List<String> collections = channels.collectionsFor(labels, local, policy);
        ReceivedEnvelope received = new ReceivedEnvelope(envelope.id().value(), envelope.origin(), sender, clock.instant(), bytes);
        List<MemberId> relayTo = onward.peers(envelope, sender);
        java.util.Set<CountedVersion> stored = new java.util.HashSet<>();
        if (collections.isEmpty()) {
            store.atomically(work -> {
                work.inbox(received);
                if (!relayTo.isEmpty()) work.outbox(relayTo, received.envelopeId(), bytes);
                return null;
            });
        } else {
            Map<String, MemberId> othersOwn = new HashMap<>();
            for (Outcome outcome : ingest.checkThenWrite(elements, versions ->
                    storedWithLabels(collections, versions, received, labels, relayTo, othersOwn))) {
                MemberId owner = outcome.id() == null ? null : othersOwn.get(outcome.id());
                if (owner != null) {
                    rejected.add(outcome.id() + ": only its origin " + owner + " may change it");
                } else if (outcome.accepted()) {
                    stored.add(new CountedVersion(outcome.id(), outcome.version()));
                } else {
                    rejected.add(outcome.id() + ": " + outcome.reason());
                }
            }
        }
        LOG.info("stored envelope {} from {} (origin {}): {} objects, {} refused", envelope.id().value(), sender,
                envelope.origin(), stored.size(), rejected.size());
        if (!relayTo.isEmpty()) onward.queued(envelope, relayTo);
        return new EnvelopeReceipt(EnvelopeReceipt.Kind.STORED, null, stored.size(), List.copyOf(new java.util.LinkedHashSet<>(rejected)));
    }

    /** A version counted once however many collections took it (a record: no key text built per object). */
    private record CountedVersion(String id, String version) {}

    /**
     * Stores the valid objects of an envelope in each of its collections, their sharing labels, the
     * envelope itself and its outbox entries for {@code relayTo} in one transaction: no reader ever sees one
     * of these objects without its labels (it would pass for a local object, visible to all and changeable by
     * anyone), and a crash leaves all or nothing, so a redelivery stores it whole and relays it. Objects that another member originated are left out, and
     * their origins put in {@code othersOwn}: checked inside the transaction, so that two envelopes received
     * at once (a peer sends two in flight) cannot both claim one new object for different origins.
     *
     * @return per version, added when it was new in any of the collections (a version left out: unchanged)
     */
    private List<WriteOutcome> storedWithLabels(List<String> collections, List<NewVersion> versions,
                                                ReceivedEnvelope received, SharingLabels labels,
                                                List<MemberId> relayTo, Map<String, MemberId> othersOwn) {
        return store.atomically(work -> {
            othersOwn.clear();
            work.originsOf(versions.stream().map(NewVersion::id).toList()).forEach((id, owner) -> {
                if (!owner.equals(received.origin())) othersOwn.put(id, owner);
            });
            List<NewVersion> owned = othersOwn.isEmpty() ? versions
                    : versions.stream().filter(v -> !othersOwn.containsKey(v.id())).toList();
            List<WriteOutcome> outcomes = new ArrayList<>(java.util.Collections.nCopies(owned.size(), WriteOutcome.ALREADY_PRESENT));
            for (String collection : collections) {
                List<WriteOutcome> written = work.objects(collection, owned);
                for (int i = 0; i < outcomes.size(); i++) {
                    if (written.get(i) == WriteOutcome.ADDED) outcomes.set(i, WriteOutcome.ADDED);
                }
            }
            work.shares(owned.stream().map(v -> new Share(v.id(), v.version(), received.envelopeId(), labels)).toList());
            work.inbox(received);
            if (!relayTo.isEmpty()) work.outbox(relayTo, received.envelopeId(), received.raw());
            if (owned.size() == versions.size()) return outcomes;
            List<WriteOutcome> all = new ArrayList<>(versions.size());
            int next = 0;
            for (NewVersion v : versions) all.add(othersOwn.containsKey(v.id()) ? WriteOutcome.ALREADY_PRESENT : outcomes.get(next++));
            return all;
        });
    }
}
