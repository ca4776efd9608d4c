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
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.Violation;
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
 * may change it) are refused by name, and the rest are shared.
 */
public final class CommunityPosts {
    private final Store store;
    private final Sharing sharing;
    private final StixValidator validator;
    private final MemberId local;

    public CommunityPosts(Store store, Sharing sharing, StixValidator validator, MemberId local) {
        this.store = store;
        this.sharing = sharing;
        this.validator = validator;
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
     * Shares the posted objects with the community ({@link #refusal} empty).
     *
     * @return one outcome per element, in element order
     */
    public List<Outcome> post(Community community, List<Element> elements) {
        List<Outcome> outcomes = new ArrayList<>(elements.size());
        Map<Tlp, List<Element>> byTlp = new LinkedHashMap<>();
        Map<String, MemberId> origins = store.shares().originsOf(elements.stream()
                .filter(Element::ok).map(e -> e.object().id()).filter(id -> id != null).distinct().toList());
        for (Element element : elements) {
            Optional<String> refusal = refusal(community, element, origins);
            if (refusal.isPresent()) {
                outcomes.add(rejected(element, refusal.get()));
                continue;
            }
            Tlp tlp = CommunityPostMarkings.tlpIn(community, element.object()).orElseThrow();
            byTlp.computeIfAbsent(tlp, t -> new ArrayList<>()).add(element);
        }
        for (Map.Entry<Tlp, List<Element>> group : byTlp.entrySet()) {
            List<StixObject> objects = group.getValue().stream().map(Element::object).toList();
            ShareReport report = sharing.share(objects, Distribution.toCommunities(community.name()),
                    EnvelopeMarkings.of(group.getKey(), CommunityPostMarkings.domainOf(community)));
            for (Element element : group.getValue()) {
                // Checked above; a refusal here means another member became its origin in the meantime.
                Optional<String> late = report.rejected().stream().filter(r -> r.startsWith(element.object().id())).findFirst();
                outcomes.add(late.map(reason -> rejected(element, reason))
                        .orElseGet(() -> new Outcome(element.index(), element.object().id(), versionOf(element.object()), Outcome.Kind.ADDED, null)));
            }
        }
        outcomes.sort(Comparator.comparingInt(Outcome::index));
        return outcomes;
    }

    private Optional<String> refusal(Community community, Element element, Map<String, MemberId> origins) {
        if (!element.ok()) return Optional.of(element.error());
        StixObject object = element.object();
        List<Violation> errors = validator.validate(object).stream().filter(Violation::isError).toList();
        if (!errors.isEmpty()) {
            return Optional.of(errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        if (CommunityPostMarkings.tlpIn(community, object).isEmpty()) return Optional.of(CommunityPostMarkings.tooHigh(community, object));
        MemberId origin = origins.get(object.id());
        if (origin != null && !origin.equals(local)) {
            return Optional.of(object.id() + ": only its origin " + origin + " may change it; share a note, an opinion or a sighting about it instead");
        }
        return Optional.empty();
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
