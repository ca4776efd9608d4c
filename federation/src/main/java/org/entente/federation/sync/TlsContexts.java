package org.entente.federation.sync;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.entente.federation.identity.TlsIdentity;

/** TLS 1.3 contexts that present this node's certificate and trust peers by pin. */
public final class TlsContexts {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {}

    public static SSLContext of(TlsIdentity own, PinnedCertificates trust) {
        try {
            KeyStore keys = keyStore(own, IN_MEMORY);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(kmf.getKeyManagers(), new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from this node's identity", e);
        }
    }

    /** A keystore holding this node's TLS key and certificate, for servers configured by keystore. */
    public static KeyStore keyStore(TlsIdentity own, char[] password) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("node", own.privateKey(), password, new Certificate[] {own.certificate()});
            return keys;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a keystore from this node's identity", e);
        }
    }
}
