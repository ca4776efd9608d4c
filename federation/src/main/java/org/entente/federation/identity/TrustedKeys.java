package org.entente.federation.identity;

import java.util.Optional;
import org.entente.core.policy.MemberId;

/**
 * The signing keys this node accepts for each member it knows: the member's verified chain, retired keys
 * included. Backed by memory now; the peer registry will back it with the store.
 */
public interface TrustedKeys {
    /** The chain pinned for {@code member}, or empty when the member is unknown here. */
    Optional<SigningKeyChain> chainOf(MemberId member);
}
