package org.entente.store;

import java.time.Instant;

/**
 * A warning waiting to be POSTed to a webhook: the subscription, the warning, the member whose view it
 * carries, failed attempts so far, when it is due again (null: now) and the latest error.
 */
public record WebhookDelivery(
        WebhookSubscription subscription, String warningId, int attempts, Instant nextAttempt, String lastError) {}
