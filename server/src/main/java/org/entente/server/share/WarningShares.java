package org.entente.server.share;

import java.util.List;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.warn.WarningPeers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the warn stage's objects (a recipient's warning view, an acknowledgement) to one member by name
 * through {@link Sharing}: signed, queued in that member's outbox and delivered only where the sharing
 * policy lets the markings go.
 */
public final class WarningShares implements WarningPeers {
    private static final Logger LOG = LoggerFactory.getLogger(WarningShares.class);

    private final Sharing sharing;

    public WarningShares(Sharing sharing) {
        this.sharing = sharing;
    }

    @Override
    public void send(MemberId to, List<StixObject> objects, Tlp tlp, String domain) {
        ShareReport report = sharing.share(objects, Distribution.toMembers(to), EnvelopeMarkings.of(tlp, domain));
        if (!report.rejected().isEmpty()) LOG.warn("warning objects for {} refused: {}", to, report.rejected());
        if (!report.peers().contains(to.value())) LOG.warn("no peer of {} may receive this warning ({}, {})", to, tlp, domain);
    }
}
