package org.entente.federation.identity;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A node's TLS key and self-signed certificate for mutual TLS between nodes. Peers pin the certificate
 * by {@link #fingerprint()} instead of trusting a certificate authority: federation partners exchange
 * fingerprints out of band, and no shared CA exists between sovereign agencies.
 */
public record TlsIdentity(PrivateKey privateKey, X509Certificate certificate) {
    public TlsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** SHA-256 of the DER certificate, as {@code openssl x509 -fingerprint -sha256} shows it. */
    public Fingerprint fingerprint() {
        try {
            return Fingerprint.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate re-encodes", e);
        }
    }
}
