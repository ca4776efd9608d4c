package org.entente.server.warn;

import java.util.List;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;

/**
 * How the warn stage reaches a member on another node: by sharing objects with that member by name, under
 * the given TLP and data domain, through the node's signed and policy-checked share path.
 */
public interface WarningPeers {
    /** Sends nothing anywhere: a node without federation. */
    WarningPeers NONE = (to, objects, tlp, domain) -> {};

    void send(MemberId to, List<StixObject> objects, Tlp tlp, String domain);
}
