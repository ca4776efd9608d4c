package org.entente.server.federation;

import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.federation.identity.SigningKeyChain;
import org.entente.federation.identity.TrustedKeys;
import org.entente.federation.identity.files.SigningKeyChainJson;
import org.entente.store.MemberStore;

/**
 * The key chains of known members, read from the store. Reading a chain verifies every rotation in it
 * again, so a chain that was tampered with in the database is refused, not trusted.
 */
public final class StoreTrustedKeys implements TrustedKeys {
    private final MemberStore members;

    public StoreTrustedKeys(MemberStore members) {
        this.members = members;
    }

    @Override
    public Optional<SigningKeyChain> chainOf(MemberId member) {
        return members.keyChain(member).map(SigningKeyChainJson::read).filter(chain -> chain.member().equals(member));
    }
}
