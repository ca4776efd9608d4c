package org.entente.server.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Decision;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.core.stix.StixObject;
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

    /** What happens to an envelope once stored: the share stage relays it where the policy allows. */
    @FunctionalInterface
    public interface Onward {
        void stored(Envelope envelope, byte[] raw, MemberId sender);
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
        List<Element> owned = new ArrayList<>();
        Map<String, MemberId> owners = store.shares().originsOf(envelope.objects().stream().map(StixObject::id).toList());
        for (int i = 0; i < envelope.objects().size(); i++) {
            StixObject object = envelope.objects().get(i);
            MemberId owner = owners.get(object.id());
            if (owner != null && !owner.equals(envelope.origin())) {
                rejected.add(object.id() + ": only its origin " + owner + " may change it");
            } else {
                // Stored as received: writing each object out again cost a seventh of a receiver's CPU.
                owned.add(new Element(i, object, null, accepted.objectText(i)));
            }
        }
        List<String> collections = channels.collectionsFor(labels, local, policy);
        ReceivedEnvelope received = new ReceivedEnvelope(envelope.id().value(), envelope.origin(), sender, clock.instant(), bytes);
        java.util.Set<String> stored = new java.util.HashSet<>();
        if (collections.isEmpty()) {
            store.inbox().record(received);
        } else {
            for (Outcome outcome : ingest.checkThenWrite(owned, versions -> storedWithLabels(collections, versions, received, labels))) {
                if (outcome.accepted()) {
                    stored.add(outcome.id() + "|" + (outcome.version() == null ? "" : outcome.version()));
                } else {
                    rejected.add(outcome.id() + ": " + outcome.reason());
                }
            }
        }
        LOG.info("stored envelope {} from {} (origin {}): {} objects, {} refused", envelope.id().value(), sender,
                envelope.origin(), stored.size(), rejected.size());
        onward.stored(envelope, bytes, sender);
        return new EnvelopeReceipt(EnvelopeReceipt.Kind.STORED, null, stored.size(), List.copyOf(new java.util.LinkedHashSet<>(rejected)));
    }

    /**
     * Stores the valid objects of an envelope in each of its collections, their sharing labels and the
     * envelope itself in one transaction: no reader ever sees one of these objects without its labels (it
     * would pass for a local object, visible to all and changeable by anyone), and a crash leaves all or
     * nothing, so a redelivery stores it whole.
     *
     * @return per version, added when it was new in any of the collections
     */
    private List<WriteOutcome> storedWithLabels(List<String> collections, List<NewVersion> versions,
                                                ReceivedEnvelope received, SharingLabels labels) {
        List<Share> shares = versions.stream()
                .map(v -> new Share(v.id(), v.version(), received.envelopeId(), labels))
                .toList();
        return store.atomically(work -> {
            List<WriteOutcome> outcomes = new ArrayList<>(work.objects(collections.get(0), versions));
            for (String collection : collections.subList(1, collections.size())) {
                List<WriteOutcome> more = work.objects(collection, versions);
                for (int i = 0; i < outcomes.size(); i++) {
                    if (more.get(i) == WriteOutcome.ADDED) outcomes.set(i, WriteOutcome.ADDED);
                }
            }
            work.shares(shares);
            work.inbox(received);
            return outcomes;
        });
    }
}
