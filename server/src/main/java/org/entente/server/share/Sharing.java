package org.entente.server.share;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.Violation;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.federation.envelope.Envelope;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.federation.envelope.EnvelopeSigner;
import org.entente.federation.envelope.SignedEnvelope;
import org.entente.server.ingest.Ingest;
import org.entente.store.Peer;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The share stage: sharing this member's objects with an audience, and relaying what peers sent on to the
 * peers the policy lets it reach. Filtering happens here, at the source: a peer is sent only envelopes its
 * member may receive, so nothing has to be thrown away on arrival. Envelopes go into each peer's durable
 * outbox; the courier delivers them.
 */
public final class Sharing {
    private static final Logger LOG = LoggerFactory.getLogger(Sharing.class);
    /**
     * Objects per envelope at most: large shares stream as many envelopes. Each envelope costs a signature, an
     * outbox row, a round trip and a transaction on the receiver whatever its size, and that transaction rewrites
     * every page it touches of the receiver's one index keyed by random values (object_ids_hash): with 10,000
     * rather than 2,000 objects a page is rewritten once for several ids, and a 1M-object bulk sync wrote 5.7 KiB
     * per object instead of 10.1 and ran 20,970 instead of 16,148 objects/s (docs/PERFORMANCE.md).
     */
    static final int ENVELOPE_SIZE = 10_000;
    /**
     * Bytes per signed envelope at most, whatever the count: a chunk that signs larger is halved until it fits
     * (or is a single object), so that large objects never make an envelope the receiver refuses as too large
     * (its limit is 100 MiB by default, {@link org.entente.server.NodeConfig#DEFAULT_MAX_CONTENT_LENGTH}).
     * 10,000 typical objects sign to about 6.5 MB.
     */
    public static final int ENVELOPE_BYTES = 16 << 20;

    private final Store store;
    private final Ingest ingest;
    private final StixValidator validator;
    private final EnvelopeSigner signer;
    private final Channels channels;
    private final MemberId local;
    private final Runnable wakeCourier;
    private final Replies replies;

    public Sharing(Store store, Ingest ingest, StixValidator validator, EnvelopeSigner signer, Channels channels,
                   MemberId local, Runnable wakeCourier) {
        this.store = store;
        this.ingest = ingest;
        this.validator = validator;
        this.signer = signer;
        this.channels = channels;
        this.local = local;
        this.wakeCourier = wakeCourier;
        this.replies = new Replies(store.shares());
    }

    /**
     * Shares objects this member originates. Invalid objects, and objects another member originated (only
     * their origin may change them; send a note or an opinion instead), are refused and not sent. Notes,
     * opinions and sightings about other members' objects also go to those objects' origins.
     */
    public ShareReport share(List<StixObject> objects, Distribution chosen, EnvelopeMarkings markings) {
        Distribution audience = replies.widen(chosen, objects, local);
        SharingLabels labels = new SharingLabels(local, audience, markings.tlp(), markings.domain(),
                markings.handlingCode(), markings.grading());
        SharingPolicy policy = new SharingPolicy(store.communities().list());
        List<ShareReport.Refusal> rejected = new ArrayList<>();
        List<StixObject> accepted = new ArrayList<>();
        Map<String, MemberId> owners = store.shares().originsOf(objects.stream().map(StixObject::id).toList());
        for (int i = 0; i < objects.size(); i++) {
            StixObject object = objects.get(i);
            MemberId owner = owners.get(object.id());
            List<Violation> errors = validator.validate(object).stream().filter(Violation::isError).toList();
            if (!errors.isEmpty()) {
                rejected.add(new ShareReport.Refusal(i, errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")));
            } else if (owner != null && !owner.equals(local)) {
                rejected.add(new ShareReport.Refusal(i, object.id() + ": only its origin " + owner + " may change it; share a note or an opinion instead"));
            } else {
                accepted.add(object);
            }
        }
        if (accepted.isEmpty()) return new ShareReport(List.of(), 0, List.of(), rejected);

        List<String> collections = channels.storedIn(labels, local, policy);

        List<String> envelopes = new ArrayList<>();
        Set<String> peers = new LinkedHashSet<>();
        List<MemberId> to = store.peers().list().stream()
                .map(Peer::member)
                .filter(member -> policy.mayReceive(labels, member).allowed())
                .toList();
        for (int from = 0, until; from < accepted.size(); from = until) {
            until = Math.min(accepted.size(), from + ENVELOPE_SIZE);
            SignedEnvelope fitting = signer.sign(audience, markings, accepted.subList(from, until));
            while (fitting.raw().size() > ENVELOPE_BYTES && until - from > 1) {
                until = from + (until - from) / 2;
                fitting = signer.sign(audience, markings, accepted.subList(from, until));
            }
            SignedEnvelope signed = fitting;
            List<StixObject> chunk = accepted.subList(from, until);
            String envelopeId = signed.envelope().id().value();
            List<Share> shares = chunk.stream().map(o -> Share.of(o, envelopeId, labels)).toList();
            List<Element> elements = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) elements.add(new Element(i, chunk.get(i), null));
            // The objects, their labels and the envelope for each peer in one transaction: no reader sees an
            // object before its labels narrow who may see it, and a crash cannot leave it stored but unsent.
            ingest.checkThenWrite(elements, versions -> store.atomically(work -> {
                if (versions.size() != elements.size()) throw new IllegalStateException("a validated object was refused by ingest");
                List<WriteOutcome> written = List.of();
                for (String collection : collections) written = work.objects(collection, versions);
                work.shares(shares);
                work.outbox(to, envelopeId, signed.raw().bytes());
                return written;
            }));
            to.forEach(m -> peers.add(m.value()));
            envelopes.add(envelopeId);
        }
        LOG.info("shared {} objects in {} envelopes ({}, {}) with {} peers; {} refused", accepted.size(), envelopes.size(),
                markings.tlp(), markings.domain(), peers.size(), rejected.size());
        wakeCourier.run();
        return new ShareReport(envelopes, accepted.size(), List.copyOf(peers), rejected);
    }

    /**
     * The other peers the policy lets this member relay a received envelope to, byte for byte: queued by
     * ingest in the transaction that stores the envelope (see {@link #relayed}).
     */
    public List<MemberId> relayTargets(Envelope envelope, MemberId sender) {
        SharingLabels labels = envelope.labels();
        SharingPolicy policy = new SharingPolicy(store.communities().list());
        return store.peers().list().stream()
                .map(Peer::member)
                .filter(to -> !to.equals(sender) && !to.equals(envelope.origin()) && !to.equals(local))
                .filter(to -> policy.mayRelay(labels, local, to).allowed())
                .toList();
    }

    /** A received envelope was queued for {@code peers}: the courier takes it from here. */
    public void relayed(Envelope envelope, List<MemberId> peers) {
        LOG.info("relaying envelope {} to {} peers", envelope.id().value(), peers.size());
        wakeCourier.run();
    }

}
