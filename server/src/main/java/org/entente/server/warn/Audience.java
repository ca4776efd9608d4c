package org.entente.server.warn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingPolicy;
import org.entente.server.detect.Detection;
import org.entente.server.detect.Evidence;

/**
 * Who a detection concerns and what each of them may see of it. The members concerned are those that
 * contributed evidence; each may see the evidence the sharing policy lets it receive (its own always).
 * Nothing else decides: a recipient's warning is worded, counted and referenced from this list only.
 */
final class Audience {
    private Audience() {}

    /** Per member concerned, in member id order, the evidence it may see, in the detection's order. */
    static Map<MemberId, List<Evidence>> of(Detection detection, SharingPolicy policy) {
        TreeSet<MemberId> concerned = new TreeSet<>();
        for (Evidence e : detection.evidence()) concerned.add(e.member().id());
        Map<MemberId, List<Evidence>> visible = new LinkedHashMap<>();
        for (MemberId member : concerned) {
            List<Evidence> seen = new ArrayList<>();
            for (Evidence e : detection.evidence()) {
                if (policy.mayReceive(e.labels(), member).allowed()) seen.add(e);
            }
            visible.put(member, List.copyOf(seen));
        }
        return visible;
    }
}
