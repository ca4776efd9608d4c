package org.entente.server.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.ingest.Ingest;
import org.entente.server.ingest.Outcome;
import org.entente.server.share.Channels;
import org.entente.server.share.CommunityPostMarkings;
import org.entente.server.share.ShareReport;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.ObjectQuery;
import org.entente.store.Page;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.entente.store.WriteOutcome;

/**
 * Writes of a member hosted on this node (a user bound to it by {@code entente user add --member}). What it
 * writes is its own: each version is labelled with that member as origin and the audience the write
 * implies, in the same transaction as the version, so the per-object read policy lets it read its objects
 * back, lets its audience read them, and nobody else.
 * <ul>
 *   <li>A TAXII POST into a community's collection ({@code c-<community>}) addresses that community (only a
 *       member of it may post there); into {@code direct}, this node's member by name; into any other
 *       collection, nobody beyond the writer (the node's own operators see everything the node holds).</li>
 *   <li>A REST share addresses the distribution of the call, with its TLP and domain.</li>
 * </ul>
 * Only the origin member may change its objects (issue 3, item 5): a version of an object another member
 * originated (a recorded origin, or the node's own member for an object stored here without labels) is
 * refused, and nothing is stored for it. Posting a version that is already stored where it is posted
 * changes nothing and is answered as for any writer, without labels: that way a member is not told of an
 * object it may not see, and does not gain sight of it.
 *
 * <p>These writes stay on this node: envelopes are signed by the node for its own member, and a hosted
 * member has no signing key its peers know.
 *
 * <p>Known limits: origins are looked up before the write's transaction, so two members posting a new id at
 * the same moment may both be labelled its origin (as for {@code Sharing}); and a cyber-observable (whose
 * id derives from its value) that another member holds on this node is refused when posted where it is
 * not stored yet, which tells the writer that some member here holds that value.
 */
public final class MemberWrites {
    /** Ids looked up per store query. */
    private static final int LOOKUP_BATCH = 500;

    private final Store store;
    private final Ingest ingest;
    private final Channels channels;

    public MemberWrites(Store store, Ingest ingest) {
        this.store = store;
        this.ingest = ingest;
        this.channels = new Channels(store.collections());
    }

    /** Why the member may not post into the collection at all, or empty when it may. */
    public Optional<String> refusal(MemberId writer, CollectionInfo collection) {
        return communityOf(collection)
                .filter(c -> !c.hasMember(writer))
                .map(c -> "member " + writer + " is not in community " + c.name() + ", whose traffic collection '"
                        + collection.alias() + "' carries: it may not post there");
    }

    /**
     * A TAXII POST (section 5.5) of the member into a collection it may post to ({@link #refusal} empty).
     *
     * @return one outcome per element, in element order
     */
    public List<Outcome> post(MemberId writer, CollectionInfo collection, List<Element> elements) {
        Optional<Community> community = communityOf(collection);
        Distribution audience = community.map(c -> Distribution.toCommunities(c.name()))
                .orElseGet(() -> Channels.DIRECT.equals(collection.alias())
                        ? store.members().local().map(m -> Distribution.toMembers(m.id())).orElse(Distribution.ORGANISATION)
                        : Distribution.ORGANISATION);
        String domain = community.map(CommunityPostMarkings::domainOf).orElse(CommunityPostMarkings.DEFAULT_DOMAIN);
        return write(writer, List.of(collection.id()), elements, object -> {
            if (community.isEmpty()) {
                return Labelled.as(SharingLabels.of(writer, audience, CommunityPostMarkings.tlpOf(object).orElse(Tlp.AMBER), domain));
            }
            return CommunityPostMarkings.tlpIn(community.get(), object)
                    .map(tlp -> Labelled.as(SharingLabels.of(writer, audience, tlp, domain)))
                    .orElseGet(() -> Labelled.refused(CommunityPostMarkings.tooHigh(community.get(), object)));
        });
    }

    /**
     * A REST share of the member's objects with the distribution and markings of the call: stored in the
     * collections of the communities that carry them to it and in {@code default}, labelled, not sent.
     */
    public ShareReport share(MemberId writer, List<StixObject> objects, Distribution to, EnvelopeMarkings markings) {
        SharingLabels labels = new SharingLabels(writer, to, markings.tlp(), markings.domain(), markings.handlingCode(), markings.grading());
        List<String> collections = channels.storedIn(labels, writer, new SharingPolicy(store.communities().list()));
        List<Element> elements = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) elements.add(new Element(i, objects.get(i), null));
        List<Outcome> outcomes = write(writer, collections, elements, object -> Labelled.as(labels));
        List<ShareReport.Refusal> rejected = new ArrayList<>();
        int shared = 0;
        for (Outcome o : outcomes) {
            if (o.accepted()) shared++;
            else rejected.add(new ShareReport.Refusal(o.index(), (o.id() == null ? "objects[" + o.index() + "]" : o.id()) + ": " + o.reason()));
        }
        return new ShareReport(List.of(), shared, List.of(), rejected);
    }

    /** The labels of one object, or why it is refused. */
    private record Labelled(SharingLabels labels, String refusal) {
        static Labelled as(SharingLabels labels) {
            return new Labelled(labels, null);
        }

        static Labelled refused(String reason) {
            return new Labelled(null, reason);
        }
    }

    private List<Outcome> write(MemberId writer, List<String> collections, List<Element> elements,
                                Function<StixObject, Labelled> label) {
        List<String> ids = elements.stream().map(Element::object).filter(o -> o != null && o.id() != null).map(StixObject::id).distinct().toList();
        Set<String> foreign = originatedByOthers(writer, ids);
        Set<VersionRef> alreadyThere = storedInEvery(collections, foreign);

        List<Outcome> outcomes = new ArrayList<>(elements.size());
        List<Element> passed = new ArrayList<>(elements.size());
        Map<VersionRef, SharingLabels> labels = new HashMap<>();
        for (Element element : elements) {
            StixObject object = element.object();
            if (object == null || object.id() == null) {
                passed.add(element); // ingest names what is wrong with it
                continue;
            }
            VersionRef ref = new VersionRef(object.id(), object.version().map(StixTimestamp::instant).orElse(null));
            String refusal = null;
            if (foreign.contains(object.id())) {
                // Already stored as posted: writing it again changes nothing, and it stays its origin's.
                if (!alreadyThere.contains(ref)) {
                    refusal = "another member is the origin of this object, and only its origin may change it;"
                            + " share a note, an opinion or a sighting about it instead";
                }
            } else {
                Labelled labelled = label.apply(object);
                refusal = labelled.refusal();
                if (refusal == null) labels.put(ref, labelled.labels());
            }
            if (refusal == null) {
                passed.add(element);
            } else {
                outcomes.add(new Outcome(element.index(), object.id(), object.version().map(StixTimestamp::text).orElse(null),
                        Outcome.Kind.REJECTED, object.id() + ": " + refusal));
            }
        }
        outcomes.addAll(ingest.checkThenWrite(passed, versions -> versions.isEmpty() ? List.of() : store.atomically(work -> {
            List<WriteOutcome> written = List.of();
            for (String collection : collections) written = work.objects(collection, versions);
            work.shares(sharesOf(versions, labels));
            return written;
        })));
        outcomes.sort(Comparator.comparingInt(Outcome::index));
        return outcomes;
    }

    /**
     * The shares of the written versions that are the writer's own. Versions with the same labels share one
     * write id, as the versions of one envelope do.
     */
    private static List<Share> sharesOf(List<NewVersion> versions, Map<VersionRef, SharingLabels> labels) {
        Map<SharingLabels, String> writeIds = new LinkedHashMap<>();
        List<Share> shares = new ArrayList<>(versions.size());
        for (NewVersion v : versions) {
            SharingLabels l = labels.get(new VersionRef(v.id(), v.version()));
            if (l == null) continue;
            String writeId = writeIds.computeIfAbsent(l, x -> "write--" + UUID.randomUUID());
            shares.add(new Share(v.id(), v.version(), writeId, l));
        }
        return shares;
    }

    /**
     * The ids another member originated: those whose recorded origin is not the writer, and those stored on
     * this node without any labels, which are the node's own member's.
     */
    private Set<String> originatedByOthers(MemberId writer, List<String> ids) {
        if (ids.isEmpty()) return Set.of();
        Map<String, MemberId> origins = store.shares().originsOf(ids);
        Set<String> foreign = new HashSet<>();
        List<String> unlabelled = new ArrayList<>();
        for (String id : ids) {
            MemberId origin = origins.get(id);
            if (origin == null) unlabelled.add(id);
            else if (!origin.equals(writer)) foreign.add(id);
        }
        if (unlabelled.isEmpty()) return foreign;
        for (CollectionInfo collection : store.collections().list()) {
            for (StoredVersion v : stored(collection.id(), unlabelled, ObjectQuery.latest())) foreign.add(v.id());
        }
        return foreign;
    }

    /** The (id, version) pairs of the given ids that every one of the collections already holds. */
    private Set<VersionRef> storedInEvery(List<String> collections, Set<String> ids) {
        if (ids.isEmpty()) return Set.of();
        Set<VersionRef> common = null;
        for (String collection : collections) {
            Set<VersionRef> here = new HashSet<>();
            for (StoredVersion v : stored(collection, ids, ObjectQuery.all())) {
                here.add(new VersionRef(v.id(), v.version()));
                // A stored version without a version of its own carries its date_added instead: an object
                // without one (most cyber-observables) has a single version, present whatever that date.
                here.add(new VersionRef(v.id(), null));
            }
            if (common == null) common = here;
            else common.retainAll(here);
        }
        return common == null ? Set.of() : common;
    }

    private List<StoredVersion> stored(String collection, Collection<String> ids, ObjectQuery query) {
        List<StoredVersion> out = new ArrayList<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
            ObjectQuery chunk = query.withIds(Set.copyOf(all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH))));
            long after = 0;
            Page page;
            do {
                page = store.objects().find(collection, chunk.withAfterSeq(after));
                out.addAll(page.items());
                after = page.nextSeq();
            } while (page.more());
        }
        return out;
    }

    private Optional<Community> communityOf(CollectionInfo collection) {
        return Channels.communityNameOf(collection).flatMap(store.communities()::find);
    }
}
