package org.entente.server.federation;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.entente.federation.identity.Fingerprint;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.SigningKeyChain;
import org.entente.federation.identity.files.SigningKeyChainJson;
import org.entente.federation.sync.PeerClient;
import org.entente.store.Peer;
import org.entente.store.PeerMode;
import org.entente.store.Store;

/**
 * Connects a peer: reads its identity document over TLS pinned to the certificate fingerprint the
 * operator was given out of band, checks the key chain, and records the member, its chain and the peer.
 * A peer already known keeps its member id: a document with another chain, or one that does not extend
 * the known chain, is refused.
 */
public final class PeerEnrolment {
    private final Store store;
    private final NodeIdentity own;
    private final Clock clock;

    public PeerEnrolment(Store store, NodeIdentity own, Clock clock) {
        this.store = store;
        this.own = own;
        this.clock = clock;
    }

    /**
     * Reads a known peer's identity again, e.g. after it rotated its signing key; true when its key chain
     * grew. A chain that does not extend the pinned one is refused, as at enrolment.
     */
    public boolean refresh(org.entente.core.policy.MemberId member) {
        Peer peer = store.peers().find(member).orElse(null);
        if (peer == null) return false;
        byte[] before = store.members().keyChain(member).orElse(new byte[0]);
        try {
            enrol(URI.create(peer.url()), Fingerprint.parse(peer.tlsFingerprint()), peer.mode());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return !java.util.Arrays.equals(before, store.members().keyChain(member).orElse(new byte[0]));
    }

    /** Enrols a peer both nodes push to, or a known peer again in the mode it has. */
    public Peer enrol(URI url, Fingerprint tlsFingerprint) {
        return enrol(url, tlsFingerprint, null);
    }

    /**
     * Enrols a peer in {@code mode} (which node opens the connections); null keeps a known peer's mode and
     * makes a new peer one both nodes push to.
     */
    public Peer enrol(URI url, Fingerprint tlsFingerprint, PeerMode mode) {
        byte[] document;
        try {
            document = new PeerClient(url, own.tls(), tlsFingerprint, Duration.ofSeconds(10)).identity();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the identity of " + url + " with certificate " + tlsFingerprint
                    + ": " + e.getMessage(), e);
        }
        return enrol(url, tlsFingerprint, mode, document);
    }

    /**
     * Enrols a peer from its identity document (what it serves at {@code /federation/v1/identity}) given
     * out of band with its fingerprint, for a peer this node cannot reach ({@link PeerMode#PULLED}). The
     * document must name the pinned certificate; its key chain must verify and extend a known one.
     */
    public Peer enrol(URI url, Fingerprint tlsFingerprint, PeerMode mode, byte[] document) {
        IdentityDocument identity = IdentityDocument.parse(document);
        if (!identity.tlsFingerprint().equals(tlsFingerprint)) {
            throw new IllegalArgumentException("the identity of " + url + " names certificate " + identity.tlsFingerprint()
                    + ", not the pinned " + tlsFingerprint);
        }
        if (identity.member().id().equals(own.member())) {
            throw new IllegalArgumentException(url + " is this node itself");
        }
        store.members().keyChain(identity.member().id()).map(SigningKeyChainJson::read).ifPresent(known -> {
            SigningKeyChain offered = identity.chain();
            if (!offered.equals(known) && !offered.extendsChain(known)) {
                throw new IllegalArgumentException("the key chain of " + identity.member().id() + " does not extend the one pinned here");
            }
        });
        store.members().save(identity.member());
        store.members().saveKeyChain(identity.member().id(), SigningKeyChainJson.write(identity.chain()));
        PeerMode kept = mode != null ? mode
                : store.peers().find(identity.member().id()).map(Peer::mode).orElse(PeerMode.PUSH);
        Peer peer = new Peer(identity.member().id(), url.toString(), tlsFingerprint.hex(), identity.signingFingerprint().hex(),
                false, clock.instant(), kept);
        store.peers().save(peer);
        return store.peers().find(peer.member()).orElse(peer);
    }
}
