package org.entente.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * What the policy needs to know of a shared object: who it comes from, who it is addressed to, its TLP,
 * its data domain ({@code cyber}, {@code fraud}, {@code health}, …), and the optional handling code and
 * Admiralty grading carried as markings. The labels travel with the object and are set by its origin
 * only; relaying never changes them.
 */
public record SharingLabels(
        MemberId origin, Distribution distribution, Tlp tlp, String domain,
        Optional<HandlingCode> handlingCode, Optional<Grading> grading) {
    public SharingLabels {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(handlingCode, "handlingCode");
        Objects.requireNonNull(grading, "grading");
    }

    public static SharingLabels of(MemberId origin, Distribution distribution, Tlp tlp, String domain) {
        return new SharingLabels(origin, distribution, tlp, domain, Optional.empty(), Optional.empty());
    }
}
