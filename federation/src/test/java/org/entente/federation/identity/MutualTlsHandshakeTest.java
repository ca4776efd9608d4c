package org.entente.federation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.entente.federation.testing.TestNodes;
import org.junit.jupiter.api.Test;

/** The TLS identity does what it is for: a TLS 1.3 handshake with both sides authenticated by pinned certificates. */
class MutualTlsHandshakeTest {
    static final Instant NOW = Instant.now();

    @Test
    void twoNodesCompleteAMutualTls13HandshakeWithTheirPinnedCertificates() throws Exception {
        TlsIdentity a = TestNodes.identity(NOW).tls();
        TlsIdentity b = TestNodes.identity(NOW).tls();

        assertThat(a.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(exchange(a, b.certificate(), b, a.certificate())).isEqualTo("TLSv1.3");
    }

    @Test
    void aServerRefusesAClientWhoseCertificateIsNotPinned() throws Exception {
        TlsIdentity server = TestNodes.identity(NOW).tls();
        TlsIdentity client = TestNodes.identity(NOW).tls();
        TlsIdentity stranger = TestNodes.identity(NOW).tls();

        assertThatThrownBy(() -> exchange(server, stranger.certificate(), client, server.certificate())).isInstanceOf(Exception.class);
    }

    /** Runs a handshake between a server and a client each trusting exactly one certificate; returns the protocol. */
    static String exchange(TlsIdentity server, X509Certificate serverTrusts, TlsIdentity client, X509Certificate clientTrusts) throws Exception {
        SSLContext serverContext = context(server, serverTrusts);
        SSLContext clientContext = context(client, clientTrusts);
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            listener.setEnabledProtocols(new String[] {"TLSv1.3"});
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    out.write(in.read());
                    out.flush();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setEnabledProtocols(new String[] {"TLSv1.3"});
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(42);
                socket.getOutputStream().flush();
                int echoed = socket.getInputStream().read();
                served.get(10, TimeUnit.SECONDS);
                if (echoed != 42) throw new IllegalStateException("no echo");
                return socket.getSession().getProtocol();
            }
        }
    }

    static SSLContext context(TlsIdentity own, X509Certificate trusted) throws Exception {
        char[] password = "unused".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("node", own.privateKey(), password, new Certificate[] {own.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("peer", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
