package org.entente.federation.identity;

import java.security.PrivateKey;
import java.util.Objects;
import org.entente.core.policy.MemberId;

/**
 * Everything a node is known by: its member's signing-key chain with the private half of the current
 * key, and its TLS identity.
 */
public record NodeIdentity(SigningKeyChain chain, PrivateKey signingKey, TlsIdentity tls) {
    public NodeIdentity {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(tls, "tls");
    }

    public MemberId member() {
        return chain.member();
    }

    public KeyId currentKeyId() {
        return chain.current().id();
    }

    /** The fingerprint of the member's first signing key: it never changes, however often the node rotates. */
    public Fingerprint signingFingerprint() {
        return KeyId.of(chain.firstKey()).fingerprint();
    }

    @Override
    public String toString() {
        return "NodeIdentity[" + member() + ", key " + currentKeyId() + ", tls " + tls.fingerprint() + "]";
    }
}
