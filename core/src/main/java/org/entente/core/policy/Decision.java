package org.entente.core.policy;

import java.util.Objects;

/**
 * The policy's answer with its reason. The reason is for operators and the audit log; it may name
 * communities and rules, so it is never shown to the member the decision is about.
 */
public record Decision(boolean allowed, String reason) {
    public Decision {
        Objects.requireNonNull(reason, "reason");
    }

    static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
