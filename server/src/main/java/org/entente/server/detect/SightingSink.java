package org.entente.server.detect;

import java.util.List;
import java.util.Optional;
import org.entente.core.policy.SharingLabels;
import org.entente.core.stix.StixObject;

/**
 * Where the sightings of matched observations are stored: on a running node, shared through the share stage
 * (stored here, and sent back to the indicator's origin as replies are); offline, written to the store.
 */
public interface SightingSink {
    /**
     * Stores a sighting with the objects it refers to.
     *
     * @param indicatorLabels the sharing labels of the indicator sighted (empty when unknown), whose TLP and
     *                        domain the sighting keeps: it reveals that the indicator matched
     * @return whether it was stored
     */
    boolean store(List<StixObject> objects, Optional<SharingLabels> indicatorLabels);
}
