package org.entente.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.entente.core.policy.MemberId;

/**
 * Warnings, their recipients' delivery and acknowledgement, and webhook subscriptions with their durable
 * delivery queue. Raising a warning records it, its recipients and one pending delivery per webhook of
 * each recipient in one transaction, so a warning acknowledged as raised is delivered even across a crash.
 */
public interface WarningStore {
    /**
     * Records a warning addressed to its recipients and queues it for their webhooks. When the warning
     * {@link StoredWarning#escalates() escalates} another, that one is marked escalated in the same
     * transaction. Raising the same id again changes nothing.
     *
     * @return false when a warning with this id already existed
     */
    boolean raise(StoredWarning warning, List<WarningRecipient> recipients);

    Optional<StoredWarning> find(String id);

    /** The member's warnings, newest first; only those it has not acknowledged when asked. */
    List<AddressedWarning> addressedTo(MemberId member, boolean unacknowledgedOnly);

    /** A warning as addressed to a member; empty when it is not addressed to that member. */
    Optional<AddressedWarning> addressed(String warningId, MemberId member);

    /** Every recipient of a warning, by member id. */
    List<WarningRecipient> recipients(String warningId);

    /** Records the first delivery to the member; later ones change nothing. */
    void delivered(String warningId, MemberId member, Instant at);

    /**
     * Records the member's acknowledgement; the first one counts and a repeated one changes nothing.
     *
     * @return false when the warning is not addressed to the member
     */
    boolean acknowledge(String warningId, MemberId member, String by, Instant at);

    /**
     * The member's acknowledgements recorded by any process on this store and not yet marked
     * {@link #acknowledgementForwarded forwarded}, oldest acknowledgement first, at most {@code limit}.
     */
    List<AddressedWarning> acknowledgementsToForward(MemberId member, int limit);

    /** Marks a recipient's acknowledgement as handled by the warn stage; it is not listed to forward again. */
    void acknowledgementForwarded(String warningId, MemberId member, Instant at);

    /** The last object-store seq of a collection whose peers' warning reports and notes were handled; 0 before. */
    long remoteCursor(String collectionId);

    /** Records that everything up to {@code lastSeq} in the collection was handled; a cursor only moves forward. */
    void advanceRemoteCursor(String collectionId, long lastSeq);

    /**
     * Warnings past their deadline, not yet escalated, that some recipient has not acknowledged, oldest
     * deadline first.
     */
    List<StoredWarning> overdue(Instant now);

    /** Adds a webhook for a member's warnings. */
    WebhookSubscription subscribe(MemberId member, String url, String secret);

    List<WebhookSubscription> subscriptions();

    /** Removes a webhook and its pending deliveries; false when there was none with this id. */
    boolean unsubscribe(long id);

    /** Webhook deliveries due at {@code now}, oldest first. */
    List<WebhookDelivery> dueDeliveries(Instant now, int limit);

    /** The webhook answered 2xx: the delivery is done and the recipient's first delivery recorded. */
    void webhookDelivered(long subscriptionId, String warningId, Instant at);

    /** A webhook delivery failed: count it and set when to try again. */
    void webhookFailed(long subscriptionId, String warningId, Instant nextAttempt, String error);
}
