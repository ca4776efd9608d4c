package org.entente.store;

import java.time.Instant;
import java.util.Objects;
import org.entente.core.policy.MemberId;

/** Where a member's warnings are POSTed, and the secret their HMAC-SHA256 signature is made with. */
public record WebhookSubscription(long id, MemberId member, String url, String secret, Instant created) {
    public WebhookSubscription {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(created, "created");
    }
}
