package org.entente.server.share;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixObject;
import org.entente.store.ShareStore;

/**
 * Notes, opinions and sightings about another member's objects are how members who are not the origin
 * contribute: they flow back to the origin, whatever audience the sender chose, so that proposals made on a
 * receiving copy reach the only member who may change the object.
 */
final class Replies {
    private final ShareStore shares;

    Replies(ShareStore shares) {
        this.shares = shares;
    }

    /** The chosen audience, plus the origins of the objects these notes, opinions and sightings are about. */
    Distribution widen(Distribution chosen, List<StixObject> objects, MemberId self) {
        Set<String> refs = new LinkedHashSet<>();
        for (StixObject object : objects) refs.addAll(referenced(object));
        Set<MemberId> members = new LinkedHashSet<>(chosen.members());
        Map<String, MemberId> origins = shares.originsOf(refs);
        for (String ref : refs) {
            MemberId origin = origins.get(ref);
            if (origin != null && !origin.equals(self)) members.add(origin);
        }
        return members.equals(chosen.members()) ? chosen : new Distribution(members, chosen.communities(), chosen.allCommunities());
    }

    private static List<String> referenced(StixObject object) {
        return switch (object.type()) {
            case "note", "opinion" -> object.list("object_refs").stream().filter(String.class::isInstance).map(String.class::cast).toList();
            case "sighting" -> object.string("sighting_of_ref").stream().toList();
            default -> List.of();
        };
    }
}
