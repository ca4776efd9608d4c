package org.entente.server.warn;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.entente.core.policy.MemberId;
import org.entente.server.detect.Evidence;

/** Counts of members and countries in a list of evidence, for a warning's wording. */
record Sightings(Set<MemberId> members, Set<String> countries) {
    static Sightings of(List<Evidence> evidence) {
        Set<MemberId> members = new TreeSet<>();
        Set<String> countries = new TreeSet<>();
        for (Evidence e : evidence) {
            members.add(e.member().id());
            countries.add(e.member().country());
        }
        return new Sightings(members, countries);
    }

    /** "3 members in 2 countries (DE, FR)". */
    String summary() {
        return count(members.size(), "member") + " in " + count(countries.size(), "country", "countries")
                + " (" + String.join(", ", countries) + ")";
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
