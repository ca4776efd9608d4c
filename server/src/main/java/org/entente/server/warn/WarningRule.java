package org.entente.server.warn;

import java.util.List;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.server.detect.Detection;
import org.entente.server.detect.Evidence;

/**
 * Turns a detection into a warning. A rule sees the whole detection to decide whether it warns at all,
 * but words the warning for each recipient from the evidence that recipient may see only, and decides from
 * that evidence alone whether the recipient is warned: a warning whose mere existence would hint at what
 * the policy hides is not sent. Later hazard and epidemic rules plug in the same way.
 */
public interface WarningRule {
    /** The rule's name, as stored with the warning: {@code indicator-match}, {@code cross-border-cluster}, … */
    String name();

    /** How the rule rates the detection, or empty when it raises no warning for it. */
    Optional<Assessment> assess(Detection detection);

    /** Whether the recipient, seeing only {@code visible} of the evidence, is to be warned. */
    boolean warns(MemberId recipient, List<Evidence> visible);

    /** The headline and description for a recipient, from what it may see only. */
    Wording word(Detection detection, List<Evidence> visible);
}
