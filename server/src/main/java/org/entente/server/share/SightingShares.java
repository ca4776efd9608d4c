package org.entente.server.share;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.detect.SightingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the sightings of matched observations by sharing them with nobody chosen: they stay with this
 * member, and go back to the origin of the indicator sighted as every sighting of another member's object does
 * ({@link Replies}). The sighting keeps the indicator's TLP and data domain.
 */
public final class SightingShares implements SightingSink {
    private static final Logger LOG = LoggerFactory.getLogger(SightingShares.class);

    private final Sharing sharing;

    public SightingShares(Sharing sharing) {
        this.sharing = sharing;
    }

    @Override
    public List<String> store(List<StixObject> objects, Optional<SharingLabels> indicatorLabels) {
        EnvelopeMarkings markings = EnvelopeMarkings.of(indicatorLabels.map(SharingLabels::tlp).orElse(Tlp.AMBER),
                indicatorLabels.map(SharingLabels::domain).orElse("cyber"));
        ShareReport report = sharing.share(objects, Distribution.ORGANISATION, markings);
        if (!report.rejected().isEmpty()) LOG.info("sighting objects refused: {}", report.rejected());
        return IntStream.range(0, objects.size())
                .filter(i -> objects.get(i).type().equals("sighting") && report.refusalOf(i).isEmpty())
                .mapToObj(i -> objects.get(i).id()).toList();
    }
}
