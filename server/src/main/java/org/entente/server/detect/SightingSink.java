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
     * Stores sightings with the objects they refer to (references before referrers).
     *
     * @param indicatorLabels the sharing labels of the indicators sighted, all the same (empty when unknown),
     *                        whose TLP and domain the sightings keep: they reveal that the indicators matched
     * @return the ids of the sightings stored
     */
    List<String> store(List<StixObject> objects, Optional<SharingLabels> indicatorLabels);
}
