package org.entente.server.warn;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.entente.federation.sync.Backoff;

/**
 * How the warn stage behaves: its rules, how long recipients have to acknowledge before a warning
 * escalates, how often overdue warnings are looked for, how often the webhook queue is polled when
 * nothing wakes it, and the backoff between failed webhook deliveries.
 */
public record WarningSettings(
        List<WarningRule> rules, Duration acknowledgeWithin, Duration escalationCheck, Duration webhookPoll, Backoff backoff) {
    /** Both rules (a cluster spans at least 3 countries), an hour to acknowledge, checks every 30 seconds. */
    public static final WarningSettings DEFAULT = new WarningSettings(
            List.of(new IndicatorMatchRule(), new CrossBorderClusterRule(3)),
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(1), Backoff.DEFAULT);

    public WarningSettings {
        rules = List.copyOf(rules);
        Objects.requireNonNull(acknowledgeWithin, "acknowledgeWithin");
        Objects.requireNonNull(escalationCheck, "escalationCheck");
        Objects.requireNonNull(webhookPoll, "webhookPoll");
        Objects.requireNonNull(backoff, "backoff");
        if (acknowledgeWithin.isNegative() || acknowledgeWithin.isZero()) throw new IllegalArgumentException("acknowledgeWithin must be positive");
    }
}
