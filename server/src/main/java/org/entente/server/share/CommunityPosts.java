package org.entente.server.share;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.ingest.Outcome;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;

/**
 * A TAXII POST by this node's own users into a community's collection ({@code c-<community>}) is a share
 * to that community (issue 3, item 6: sharing is one call, whichever door it comes through): the objects
 * are stored, labelled with this node's member as origin, and sent to the community's members on other
 * nodes exactly as {@link Sharing#share} sends them. The TLP and domain come from the objects and the
 * charter ({@link CommunityPostMarkings}); objects of different TLPs go as separate envelopes.
 *
 * <p>Each object gets its own outcome, as TAXII's status resource reports them (section 4.3): an invalid
 * object, one marked above what the community carries, and one another member originated (only its origin
 * may change it) are refused with the reason, and the rest are shared.
 */
public final class CommunityPosts {
    private final Store store;
    private final Sharing sharing;
    private final MemberId local;

    public CommunityPosts(Store store, Sharing sharing, MemberId local) {
        this.store = store;
        this.sharing = sharing;
        this.local = local;
    }

    /** The community whose traffic the collection carries, if it is such a collection and the community is known here. */
    public Optional<Community> communityOf(CollectionInfo collection) {
        return Channels.communityNameOf(collection).flatMap(store.communities()::find);
    }

    /** Why this node's users may not post into the community's collection, or empty when they may. */
    public Optional<String> refusal(Community community) {
        if (community.hasMember(local)) return Optional.empty();
        return Optional.of("this node's member " + local + " is not in community " + community.name()
                + ": its users may not share to it");
    }

    /**
     * Shares the posted objects with the community ({@link #refusal} empty). {@link Sharing#share} validates
     * them and keeps other members' objects out; this adds what only a POST can get wrong: an element that is
     * not an object, and a TLP marking above what the community carries.
     *
     * @return one outcome per element, in element order
     */
    public List<Outcome> post(Community community, List<Element> elements) {
        List<Outcome> outcomes = new ArrayList<>(elements.size());
        Map<Tlp, List<Element>> byTlp = new LinkedHashMap<>();
        for (Element element : elements) {
            if (!element.ok()) {
                outcomes.add(rejected(element, element.error()));
                continue;
            }
            Optional<Tlp> tlp = CommunityPostMarkings.tlpIn(community, element.object());
            if (tlp.isEmpty()) outcomes.add(rejected(element, CommunityPostMarkings.tooHigh(community, element.object())));
            else byTlp.computeIfAbsent(tlp.get(), t -> new ArrayList<>()).add(element);
        }
        for (Map.Entry<Tlp, List<Element>> group : byTlp.entrySet()) {
            List<Element> posted = group.getValue();
            ShareReport report = sharing.share(posted.stream().map(Element::object).toList(),
                    Distribution.toCommunities(community.name()),
                    EnvelopeMarkings.of(group.getKey(), CommunityPostMarkings.domainOf(community)));
            for (int i = 0; i < posted.size(); i++) {
                Element element = posted.get(i);
                outcomes.add(report.refusalOf(i).map(reason -> rejected(element, reason))
                        .orElseGet(() -> new Outcome(element.index(), element.object().id(), versionOf(element.object()), Outcome.Kind.ADDED, null)));
            }
        }
        outcomes.sort(Comparator.comparingInt(Outcome::index));
        return outcomes;
    }

    private static Outcome rejected(Element element, String reason) {
        StixObject object = element.object();
        return new Outcome(element.index(), object == null ? null : object.id(), object == null ? null : versionOf(object),
                Outcome.Kind.REJECTED, reason);
    }

    private static String versionOf(StixObject object) {
        return object.version().map(StixTimestamp::text).orElse(null);
    }
}
