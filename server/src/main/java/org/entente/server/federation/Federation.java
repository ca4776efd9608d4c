package org.entente.server.federation;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixValidator;
import org.entente.federation.envelope.Envelope;
import org.entente.federation.envelope.EnvelopeSigner;
import org.entente.federation.envelope.EnvelopeVerifier;
import org.entente.federation.envelope.ReplayWindow;
import org.entente.federation.identity.Fingerprint;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.sync.Backoff;
import org.entente.federation.sync.Courier;
import org.entente.federation.sync.PeerClient;
import org.entente.federation.sync.Puller;
import org.entente.server.NodeConfig;
import org.entente.server.ingest.EnvelopeIngest;
import org.entente.server.ingest.Ingest;
import org.entente.server.share.Channels;
import org.entente.server.share.Sharing;
import org.entente.store.Store;

/**
 * A node's part in the federation, wired: its identity, the share stage, the ingest of peers'
 * envelopes, the courier that empties the outboxes, the puller that fetches the queues of peers that
 * cannot reach this node, and the federation port.
 *
 * <p>Envelopes are accepted for {@link #REPLAY_WINDOW} after they were signed. The window is long so that
 * an envelope waiting in an outbox through an outage of days is still taken; replays are stopped by the
 * inbox, which remembers every envelope for good.
 */
public final class Federation implements AutoCloseable {
    static final ReplayWindow REPLAY_WINDOW = new ReplayWindow(Duration.ofDays(14));
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COURIER_IDLE = Duration.ofSeconds(2);
    /** How long a peer this node pulls from waits after it had nothing new before it is asked again. */
    static final Duration PULL_INTERVAL = Duration.ofSeconds(5);
    /** How often peers and outboxes are looked at again, to follow changes made by the CLI in another process. */
    private static final Duration REFRESH = Duration.ofSeconds(3);

    private final NodeIdentity identity;
    private final Sharing sharing;
    private final PeerEnrolment enrolment;
    private final Courier courier;
    private final Puller puller;
    private final FederationServer server;
    private final Thread refresher;

    private Federation(NodeIdentity identity, Sharing sharing, PeerEnrolment enrolment, Courier courier, Puller puller,
                       FederationServer server) {
        this.identity = identity;
        this.sharing = sharing;
        this.enrolment = enrolment;
        this.courier = courier;
        this.puller = puller;
        this.server = server;
        this.refresher = Thread.ofVirtual().name("federation-refresh").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(REFRESH);
                    courier.wake();
                    puller.follow();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // The store may be closing; the next round tries again.
                }
            }
        });
    }

    public static Federation start(NodeConfig config, Store store, Ingest ingest, StixValidator validator, Clock clock) {
        NodeIdentity identity = LocalIdentity.establish(config.dataDir(), config.profile(), store, clock);
        Member self = store.members().local().orElseThrow();
        Channels channels = new Channels(store.collections());
        java.util.function.Function<org.entente.store.Peer, PeerClient> clients =
                peer -> new PeerClient(URI.create(peer.url()), identity.tls(), Fingerprint.parse(peer.tlsFingerprint()), PEER_TIMEOUT);
        Courier courier = new Courier(store.peers(), store.outbox(), clients, clock, Backoff.DEFAULT, COURIER_IDLE);
        Sharing sharing = new Sharing(store, ingest, validator, new EnvelopeSigner(identity, clock, new SecureRandom()),
                channels, identity.member(), courier::wake);
        EnvelopeVerifier verifier = new EnvelopeVerifier(new StoreTrustedKeys(store.members()),
                new InboxSeenEnvelopes(store.inbox()), REPLAY_WINDOW, clock);
        EnvelopeIngest envelopes = new EnvelopeIngest(store, verifier, ingest, channels, identity.member(), clock,
                new EnvelopeIngest.Onward() {
                    @Override
                    public List<MemberId> peers(Envelope envelope, MemberId sender) {
                        return sharing.relayTargets(envelope, sender);
                    }

                    @Override
                    public void queued(Envelope envelope, List<MemberId> peers) {
                        sharing.relayed(envelope, peers);
                    }
                });
        PeerEnrolment enrolment = new PeerEnrolment(store, identity, clock);
        envelopes.learnKeysWith(enrolment::refresh);
        Puller puller = new Puller(store.peers(), store.pullCursors(), clients, new PullIntake(envelopes), Backoff.DEFAULT, PULL_INTERVAL);
        FederationServer server = FederationServer.start(config.host(), config.federationPort(), identity,
                () -> IdentityDocument.of(identity, self).toJson(), store.peers(), envelopes, store.outbox(), config.maxContentLength());
        courier.wake();
        puller.wake();
        return new Federation(identity, sharing, enrolment, courier, puller, server);
    }

    public NodeIdentity identity() {
        return identity;
    }

    public Sharing sharing() {
        return sharing;
    }

    public PeerEnrolment enrolment() {
        return enrolment;
    }

    /** Call after peers change, so delivery follows at once. */
    public void peersChanged() {
        courier.wake();
        puller.wake();
    }

    public String url() {
        return server.url();
    }

    /** Requests peers made to this node's federation port since it started. */
    public long requestsServed() {
        return server.requestsServed();
    }

    @Override
    public void close() {
        refresher.interrupt();
        courier.close();
        puller.close();
        server.close();
    }
}
