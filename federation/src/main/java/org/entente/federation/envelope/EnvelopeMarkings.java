package org.entente.federation.envelope;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.Tlp;

/**
 * The markings an envelope carries for all its objects: TLP 2.0, data domain, and the optional SIENA-style
 * handling code and Admiralty grading ({@link org.entente.core.policy.SharingLabels} without origin and
 * audience, which the envelope carries on their own).
 */
public record EnvelopeMarkings(Tlp tlp, String domain, Optional<HandlingCode> handlingCode, Optional<Grading> grading) {
    public EnvelopeMarkings {
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(handlingCode, "handlingCode");
        Objects.requireNonNull(grading, "grading");
        if (domain.isBlank()) throw new IllegalArgumentException("the data domain is required");
    }

    public static EnvelopeMarkings of(Tlp tlp, String domain) {
        return new EnvelopeMarkings(tlp, domain, Optional.empty(), Optional.empty());
    }
}
