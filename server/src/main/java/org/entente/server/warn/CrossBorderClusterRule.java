package org.entente.server.warn;

import java.util.List;
import java.util.Optional;
import org.entente.core.cap.Category;
import org.entente.core.cap.Certainty;
import org.entente.core.cap.Severity;
import org.entente.core.cap.Urgency;
import org.entente.core.policy.MemberId;
import org.entente.server.detect.Detection;
import org.entente.server.detect.DetectionKind;
import org.entente.server.detect.Evidence;

/**
 * The same observable or indicator seen by members of at least {@code minCountries} countries: a likely
 * cross-border campaign. A member is warned only when the evidence it may see spans that many countries
 * itself, so that being warned reveals nothing beyond what it may see; the counts it reads are of that
 * evidence only.
 */
public final class CrossBorderClusterRule implements WarningRule {
    private final int minCountries;

    public CrossBorderClusterRule(int minCountries) {
        if (minCountries < 2) throw new IllegalArgumentException("a cross-border cluster spans at least 2 countries, not " + minCountries);
        this.minCountries = minCountries;
    }

    /** The fewest countries a cluster spans to be warned of. */
    public int minCountries() {
        return minCountries;
    }

    @Override
    public String name() {
        return DetectionKind.CROSS_BORDER_CLUSTER.label();
    }

    @Override
    public Optional<Assessment> assess(Detection detection) {
        if (detection.kind() != DetectionKind.CROSS_BORDER_CLUSTER) return Optional.empty();
        if (Sightings.of(detection.evidence()).countries().size() < minCountries) return Optional.empty();
        return Optional.of(new Assessment("Cross-border cluster", Category.Security, Urgency.Expected, Severity.Moderate,
                Certainty.Likely));
    }

    @Override
    public boolean warns(MemberId recipient, List<Evidence> visible) {
        return Sightings.of(visible).countries().size() >= minCountries;
    }

    @Override
    public Wording word(Detection detection, List<Evidence> visible) {
        Sightings seen = Sightings.of(visible);
        return new Wording(detection.subject() + " seen in " + seen.countries().size() + " countries",
                detection.subject() + " was seen by " + seen.summary() + ".");
    }
}
