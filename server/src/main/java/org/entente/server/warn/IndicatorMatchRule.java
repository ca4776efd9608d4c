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
 * An observation or sighting matched an indicator: an observed, immediate, severe threat. A member is
 * warned when it may see evidence of another member (the indicator it matched, or a sighting of its
 * indicator); the origin of an indicator whose match it may not see learns nothing.
 */
public final class IndicatorMatchRule implements WarningRule {
    @Override
    public String name() {
        return DetectionKind.INDICATOR_MATCH.label();
    }

    @Override
    public Optional<Assessment> assess(Detection detection) {
        if (detection.kind() != DetectionKind.INDICATOR_MATCH) return Optional.empty();
        return Optional.of(new Assessment("Indicator matched", Category.Security, Urgency.Immediate, Severity.Severe,
                Certainty.Observed));
    }

    @Override
    public boolean warns(MemberId recipient, List<Evidence> visible) {
        return visible.stream().anyMatch(e -> !e.member().id().equals(recipient));
    }

    @Override
    public Wording word(Detection detection, List<Evidence> visible) {
        return new Wording("Indicator " + detection.subject() + " matched",
                "An observation matched indicator " + detection.subject() + "; seen by " + Sightings.of(visible).summary() + ".");
    }
}
