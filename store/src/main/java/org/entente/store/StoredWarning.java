package org.entente.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A raised warning: its id (the CAP identifier), the rule that raised it, when, the deadline by which its
 * recipients should acknowledge it (null: it never escalates), its CAP severity, whether it is an
 * exercise, the warning it follows up (null unless it is an escalation) and when a follow-up of it was
 * raised (null while none was).
 */
public record StoredWarning(
        String id, String rule, Instant raised, Instant deadline, String severity, boolean exercise,
        String escalates, Instant escalated) {
    public StoredWarning {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(raised, "raised");
        Objects.requireNonNull(severity, "severity");
    }
}
