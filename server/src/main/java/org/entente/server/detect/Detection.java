package org.entente.server.detect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the detect stage emits and the warn stage consumes: the kind of finding, its subject (the matched
 * indicator's id, or a normalised observable such as {@code phone-number:+4930123456}), the evidence
 * behind it with the members and countries concerned, when it was detected, and whether it comes from
 * exercise data (which never mixes with real data).
 */
public record Detection(DetectionKind kind, String subject, List<Evidence> evidence, Instant detected, boolean exercise) {
    public Detection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detected, "detected");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) throw new IllegalArgumentException("a detection needs evidence");
    }
}
