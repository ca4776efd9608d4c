package org.entente.server.share;

import java.util.Comparator;
import java.util.Optional;
import org.entente.core.policy.Community;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;

/**
 * The markings of an object posted over TAXII into a community's collection. TAXII names neither a TLP nor
 * a data domain for a POST, so they come from the object and the community's charter: the strictest TLP
 * marking the object carries, else the most the community carries short of RED (which never reaches a
 * community); a domain the community carries, {@code cyber} when it carries that. An object marked above
 * what the community carries is refused, never narrowed or widened silently.
 */
public final class CommunityPostMarkings {
    /** The data domain of a write that names none, when the community carries it (or every domain). */
    public static final String DEFAULT_DOMAIN = "cyber";

    private CommunityPostMarkings() {}

    /** The TLP the object goes to the community with, or empty when it is marked above what the community carries. */
    public static Optional<Tlp> tlpIn(Community community, StixObject object) {
        Tlp highest = community.charter().highestTlp();
        Optional<Tlp> marked = tlpOf(object);
        if (marked.isPresent()) return marked.get().atMost(highest) ? marked : Optional.empty();
        return Optional.of(highest == Tlp.RED ? Tlp.AMBER_STRICT : highest);
    }

    /** Why {@link #tlpIn} refused the object. */
    public static String tooHigh(Community community, StixObject object) {
        return object.id() + " is marked " + tlpOf(object).map(Tlp::toString).orElse("?") + ", which community "
                + community.name() + " does not carry (it carries up to " + community.charter().highestTlp()
                + "): post it into a collection of this node instead";
    }

    /** A domain the community carries: TAXII carries none, and the labels only need one the community carries. */
    public static String domainOf(Community community) {
        if (community.charter().carriesDomain(DEFAULT_DOMAIN)) return DEFAULT_DOMAIN;
        return community.charter().domains().stream().sorted().findFirst().orElse(DEFAULT_DOMAIN);
    }

    /** The strictest TLP among the object's markings (TLP 2.0 or 1.0 marking definitions), if it has one. */
    public static Optional<Tlp> tlpOf(StixObject object) {
        return object.list("object_marking_refs").stream()
                .filter(String.class::isInstance).map(String.class::cast)
                .map(Tlp::ofMarking).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }
}
