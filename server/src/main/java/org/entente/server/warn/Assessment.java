package org.entente.server.warn;

import java.util.Objects;
import org.entente.core.cap.Category;
import org.entente.core.cap.Certainty;
import org.entente.core.cap.Severity;
import org.entente.core.cap.Urgency;

/** How a rule rates what it warns of, in CAP 1.2's terms. */
public record Assessment(String event, Category category, Urgency urgency, Severity severity, Certainty certainty) {
    public Assessment {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(certainty, "certainty");
    }
}
