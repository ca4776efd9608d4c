package org.entente.federation.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.core.policy.MemberId;

/**
 * Trusted keys held in memory. A member's chain is pinned once (e.g. by {@code peer add --fingerprint})
 * and after that only replaced by a chain that extends it with further rotations; a chain that forks
 * from the pinned one is refused rather than trusted, since only a second holder of a key can fork.
 */
public final class PinnedKeyChains implements TrustedKeys {
    private final Map<MemberId, SigningKeyChain> chains = new ConcurrentHashMap<>();

    /** Pins {@code chain}, or moves the pin forward to it; refuses a chain that does not extend the pinned one. */
    public void pin(SigningKeyChain chain) {
        chains.merge(chain.member(), chain, (pinned, offered) -> {
            if (offered.extendsChain(pinned)) return offered;
            if (pinned.extendsChain(offered)) return pinned; // an older copy changes nothing
            throw new InvalidKeyChainException("the chain offered for " + chain.member() + " forks from the pinned one");
        });
    }

    @Override
    public Optional<SigningKeyChain> chainOf(MemberId member) {
        return Optional.ofNullable(chains.get(member));
    }
}
