package org.entente.federation.testing;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import org.entente.federation.identity.Ed25519;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.SelfSignedTlsCertificates;
import org.entente.federation.identity.SigningKeyChain;

/** Node identities made in memory, for tests that do not need the key directory. */
public final class TestNodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestNodes() {}

    public static NodeIdentity identity(Instant createdAt) {
        KeyPair signing = Ed25519.generate();
        SigningKeyChain chain = SigningKeyChain.start(signing.getPublic(), createdAt);
        return new NodeIdentity(chain, signing.getPrivate(), new SelfSignedTlsCertificates(RANDOM).create(chain.member(), createdAt));
    }

    /** The identity after a rotation at {@code at}: same member, new current key. */
    public static NodeIdentity rotated(NodeIdentity identity, Instant at) {
        KeyPair next = Ed25519.generate();
        return new NodeIdentity(identity.chain().rotate(identity.signingKey(), next.getPublic(), at), next.getPrivate(), identity.tls());
    }
}
