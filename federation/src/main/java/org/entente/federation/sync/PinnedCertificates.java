package org.entente.federation.sync;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Predicate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.entente.federation.identity.Fingerprint;

/**
 * Trusts a TLS peer by the SHA-256 fingerprint of its certificate, not by a certificate authority: nodes
 * pin each other's self-signed certificates when they are connected ({@code entente peer add … --fingerprint}).
 * Host names play no part, so a node can move address without losing trust, and no CA can vouch for an
 * impostor.
 */
public final class PinnedCertificates extends X509ExtendedTrustManager {
    private final Predicate<Fingerprint> pinned;
    private final boolean clientCertificateOptional;

    private PinnedCertificates(Predicate<Fingerprint> pinned, boolean clientCertificateOptional) {
        this.pinned = pinned;
        this.clientCertificateOptional = clientCertificateOptional;
    }

    /** Trusts exactly the certificate with this fingerprint (a client talking to one peer). */
    public static PinnedCertificates only(Fingerprint fingerprint) {
        return new PinnedCertificates(fingerprint::equals, false);
    }

    /**
     * A server's view: any client certificate is let through the handshake, and the request handler decides
     * by fingerprint, so that unauthenticated endpoints (the node's public identity) stay reachable.
     */
    public static PinnedCertificates decidedPerRequest() {
        return new PinnedCertificates(f -> true, true);
    }

    public static Fingerprint fingerprintOf(X509Certificate certificate) {
        try {
            return Fingerprint.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unreadable certificate", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateException("no certificate presented");
        Fingerprint presented = fingerprintOf(chain[0]);
        if (!pinned.test(presented)) {
            throw new CertificateException("certificate " + presented + " is not the pinned one");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // Self-signed certificates have no issuer to name; an empty list lets clients offer theirs.
        return new X509Certificate[0];
    }

    boolean clientCertificateOptional() {
        return clientCertificateOptional;
    }
}
