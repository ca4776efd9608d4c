package org.entente.server.federation;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.identity.Fingerprint;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.sync.FederationPaths;
import org.entente.federation.sync.PinnedCertificates;
import org.entente.federation.sync.TlsContexts;
import org.entente.server.ingest.EnvelopeIngest;
import org.entente.server.ingest.EnvelopeReceipt;
import org.entente.store.OutboxStore;
import org.entente.store.Peer;
import org.entente.store.PeerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-to-node port: HTTPS only, TLS 1.3, this node's pinned certificate. The identity document is
 * open to any TLS client (it is what a new peer pins against); envelopes are taken only from a client
 * certificate pinned for an active peer, and that peer is the sender whatever the envelope says; such a
 * peer also reads its own queue from {@link OutboxEndpoint} when it pulls instead of being pushed to.
 */
public final class FederationServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FederationServer.class);
    private static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final Javalin http;
    private final String url;
    private final LongAdder requests;

    private FederationServer(Javalin http, String url, LongAdder requests) {
        this.http = http;
        this.url = url;
        this.requests = requests;
    }

    public static FederationServer start(String host, int port, NodeIdentity identity, Supplier<byte[]> identityDocument,
                                         PeerStore peers, EnvelopeIngest ingest, OutboxStore outbox, long maxEnvelopeBytes) {
        OutboxEndpoint queues = new OutboxEndpoint(outbox);
        SSLContext tls = TlsContexts.of(identity.tls(), PinnedCertificates.decidedPerRequest());
        LongAdder requests = new LongAdder();
        Javalin http = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = maxEnvelopeBytes;
            cfg.jetty.addConnector((server, httpConfig) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setSslContext(tls);
                ssl.setWantClientAuth(true);
                HttpConfiguration https = new HttpConfiguration(httpConfig);
                // Peers connect by address; the certificate is pinned, so its host name is not checked.
                https.addCustomizer(new SecureRequestCustomizer(false));
                ServerConnector connector = new ServerConnector(server,
                        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            });
            cfg.routes.get(FederationPaths.IDENTITY, ctx -> {
                requests.increment();
                ctx.contentType("application/json").result(identityDocument.get());
            });
            cfg.routes.post(FederationPaths.ENVELOPES, ctx -> {
                requests.increment();
                receive(ctx, peers, ingest, maxEnvelopeBytes);
            });
            cfg.routes.get(FederationPaths.OUTBOX, ctx -> {
                requests.increment();
                serveQueue(ctx, peers, queues);
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("federation request {} failed", ctx.path(), e);
                answer(ctx, 500, "failed", "the node failed to handle this envelope; it will take it again");
            });
        });
        http.start();
        String url = "https://" + host + ":" + http.port() + "/";
        LOG.info("federation port at {}", url);
        return new FederationServer(http, url, requests);
    }

    private static void serveQueue(Context ctx, PeerStore peers, OutboxEndpoint queues) throws java.io.IOException {
        Optional<Peer> caller = callerOf(ctx, peers);
        if (caller.isEmpty()) {
            answer(ctx, 403, "unknown-peer", "no active peer presents this client certificate");
            return;
        }
        try {
            queues.serve(ctx, caller.get());
        } catch (OutboxEndpoint.BadParameter e) {
            answer(ctx, 400, "bad-request", e.getMessage());
        }
    }

    /** The active peer whose pinned certificate the client presented. */
    private static Optional<Peer> callerOf(Context ctx, PeerStore peers) {
        return clientCertificate(ctx).map(PinnedCertificates::fingerprintOf).flatMap(f -> peerOf(peers, f));
    }

    private static void receive(Context ctx, PeerStore peers, EnvelopeIngest ingest, long maxEnvelopeBytes) throws java.io.IOException {
        Optional<Peer> sender = callerOf(ctx, peers);
        if (sender.isEmpty()) {
            answer(ctx, 403, "unknown-peer", "no active peer presents this client certificate");
            return;
        }
        Optional<byte[]> body = EnvelopeBody.read(ctx, maxEnvelopeBytes);
        if (body.isEmpty()) {
            answer(ctx, 413, "too-large", "an envelope may hold at most " + maxEnvelopeBytes + " bytes");
            return;
        }
        EnvelopeReceipt receipt = ingest.receive(body.get(), sender.get().member());
        switch (receipt.kind()) {
            case STORED -> ctx.status(202).contentType("application/json").result(StixJson.write(StixJson.object(
                    "status", "stored", "stored", receipt.stored(), "rejected", receipt.rejected())));
            case DUPLICATE -> answer(ctx, 200, "duplicate", "already received; nothing changed");
            case REFUSED -> answer(ctx, 422, "refused", receipt.reason());
        }
    }

    private static Optional<Peer> peerOf(PeerStore peers, Fingerprint fingerprint) {
        return peers.list().stream()
                .filter(p -> !p.paused() && Fingerprint.parse(p.tlsFingerprint()).equals(fingerprint))
                .findFirst();
    }

    private static Optional<X509Certificate> clientCertificate(Context ctx) {
        Object attribute = ctx.req().getAttribute(CLIENT_CERTIFICATES);
        return attribute instanceof X509Certificate[] chain && chain.length > 0 ? Optional.of(chain[0]) : Optional.empty();
    }

    private static void answer(Context ctx, int status, String outcome, String message) {
        ctx.status(status).contentType("application/json").result(StixJson.write(StixJson.object("status", outcome, "message", message)));
    }

    public String url() {
        return url;
    }

    /** Requests answered on this port since it started: what peers' sync costs this node, in round trips. */
    public long requestsServed() {
        return requests.sum();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
    }
}
