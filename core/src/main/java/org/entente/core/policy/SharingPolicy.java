package org.entente.core.policy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one function that decides who may receive or see a shared object. Every read path (TAXII, REST,
 * search, export, counts, correlation hints, error messages) and every outgoing delivery asks it; nothing
 * else decides.
 *
 * <p>A member may receive an object when one of these holds, checked in this order:
 * <ol>
 *   <li>it is the object's origin;</li>
 *   <li>it is named in the distribution (any TLP, RED included);</li>
 *   <li>the TLP is not RED (RED never leaves its named recipients), and the distribution addresses a
 *       community, by name or as "all communities", that has both the origin and the member as members,
 *       carries the object's domain, and carries its TLP.</li>
 * </ol>
 * The empty distribution addresses nobody. An origin cannot address a community it is not a member of.
 *
 * <p>A member that received an object may relay it to another member only when that member may receive
 * it, the TLP allows onward sharing (CLEAR or GREEN: AMBER stays in the recipient organisation and its
 * clients, AMBER+STRICT in the organisation, RED with the named recipients), the handling code allows
 * dissemination, and a community that qualifies the recipient also has the relayer as a member and lets
 * its members relay.
 */
public final class SharingPolicy {
    private final Map<String, Community> communities;

    public SharingPolicy(Collection<Community> communities) {
        this.communities = communities.stream().collect(Collectors.toUnmodifiableMap(Community::name, Function.identity()));
    }

    public Decision mayReceive(SharingLabels labels, MemberId member) {
        if (labels.origin().equals(member)) return Decision.allow("origin of the object");
        Distribution to = labels.distribution();
        if (to.isEmpty()) return Decision.deny("addressed to nobody beyond its origin");
        if (to.members().contains(member)) return Decision.allow("named recipient");
        if (labels.tlp() == Tlp.RED) return Decision.deny("TLP:RED reaches named recipients only");
        List<Community> qualifying = qualifyingCommunities(labels, member);
        return qualifying.isEmpty()
                ? Decision.deny("not in the audience: no addressed community carries it to this member")
                : Decision.allow("member of community " + qualifying.get(0).name());
    }

    public Decision mayRelay(SharingLabels labels, MemberId relayer, MemberId recipient) {
        if (labels.origin().equals(relayer)) return mayReceive(labels, recipient);
        Decision relayerMay = mayReceive(labels, relayer);
        if (!relayerMay.allowed()) return Decision.deny("the relayer itself may not hold it: " + relayerMay.reason());
        Decision recipientMay = mayReceive(labels, recipient);
        if (!recipientMay.allowed()) return recipientMay;
        if (!labels.tlp().allowsOnwardSharing()) return Decision.deny(labels.tlp() + " is never relayed by a recipient");
        if (labels.handlingCode().isPresent() && !labels.handlingCode().get().allowsOnwardSharing()) {
            return Decision.deny("handling code " + labels.handlingCode().get() + " forbids dissemination without the provider's permission");
        }
        for (Community c : qualifyingCommunities(labels, recipient)) {
            if (c.charter().relayAllowed() && c.hasMember(relayer)) {
                return Decision.allow("relay allowed by the charter of community " + c.name());
            }
        }
        return Decision.deny("no community that carries it to the recipient lets the relayer relay");
    }

    /**
     * The addressed communities that carry the object to the member (both members, domain and TLP
     * carried), by name: the channels through which it reaches the member. Empty for RED, which
     * communities never carry.
     */
    public List<Community> communitiesCarrying(SharingLabels labels, MemberId member) {
        return labels.tlp() == Tlp.RED ? List.of() : qualifyingCommunities(labels, member);
    }

    private List<Community> qualifyingCommunities(SharingLabels labels, MemberId member) {
        Distribution to = labels.distribution();
        Collection<Community> addressed = to.allCommunities()
                ? communities.values()
                : to.communities().stream().map(communities::get).filter(c -> c != null).toList();
        return addressed.stream()
                .filter(c -> c.hasMember(labels.origin()) && c.hasMember(member))
                .filter(c -> c.charter().carriesDomain(labels.domain()))
                .filter(c -> labels.tlp().atMost(c.charter().highestTlp()))
                .sorted(java.util.Comparator.comparing(Community::name))
                .toList();
    }
}
