package org.entente.core.policy;

import java.util.Objects;
import java.util.Set;

/**
 * The agreed rules of a community: who is in it, which data domains it carries (empty: every domain),
 * the most restrictive TLP it carries, whether members may relay what they receive through it to other
 * members, and whether its membership is hidden from its members (then only operators see it).
 */
public record Charter(
        Set<MemberId> members, Set<String> domains, Tlp highestTlp, boolean relayAllowed, boolean membershipHidden) {
    public Charter {
        members = Set.copyOf(members);
        domains = Set.copyOf(domains);
        Objects.requireNonNull(highestTlp, "highestTlp");
    }

    public boolean carriesDomain(String domain) {
        return domains.isEmpty() || domains.contains(domain);
    }
}
