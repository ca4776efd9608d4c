package org.entente.server.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.entente.core.policy.MemberId;
import org.entente.federation.identity.Fingerprint;
import org.entente.server.federation.PeerEnrolment;
import org.entente.store.OutboxState;
import org.entente.store.Peer;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente peer add|list|pause|resume|remove}. A running node follows the changes within seconds. */
@Command(name = "peer", mixinStandardHelpOptions = true, description = "Connect, list, pause and remove peers.",
        subcommands = {PeerCommand.Add.class, PeerCommand.ListPeers.class, PeerCommand.Pause.class,
                PeerCommand.Resume.class, PeerCommand.Remove.class})
final class PeerCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Connect a peer: its certificate must have the fingerprint you were given out of band.")
    static final class Add extends StoreCommand {

        @Mixin
        MemberOptions member;

        @Parameters(paramLabel = "URL", description = "The peer's federation URL, https://host:port/")
        URI url;

        @Option(names = "--fingerprint", required = true, description = "SHA-256 of the peer's TLS certificate (hex, colons allowed).")
        String fingerprint;

        @Override
        public Integer call() {
            try (LocalNode node = LocalNode.open(store, member)) {
                Peer peer = new PeerEnrolment(node.store(), node.identity(), Clock.systemUTC()).enrol(url, Fingerprint.parse(fingerprint));
                out().println("peer " + peer.member() + " (" + node.store().members().find(peer.member())
                        .map(m -> m.name() + ", " + m.country()).orElse("?") + ") connected at " + peer.url());
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Peers with their sync state and lag.")
    static final class ListPeers extends StoreCommand {

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Store s = store.open()) {
                for (Peer p : s.peers().list()) {
                    OutboxState state = s.outbox().state(p.member());
                    long lag = state.lag(Instant.now()).toSeconds();
                    out.printf("%s  %-28s %-8s pending=%d lag=%ds last=%s%s%n", p.member(),
                            s.members().find(p.member()).map(m -> m.name()).orElse("?"), p.paused() ? "paused" : "active",
                            state.pending(), lag, state.lastDelivered() == null ? "-" : state.lastDelivered(),
                            state.lastError() == null ? "" : " error=" + state.lastError());
                }
            }
            return 0;
        }
    }

    abstract static class OnePeer extends StoreCommand {

        @Parameters(paramLabel = "MEMBER", description = "The peer's member id (identity--…).")
        String member;

        abstract String change(Store s, Peer peer);

        @Override
        public Integer call() {
            try (Store s = store.open()) {
                MemberId id;
                try {
                    id = new MemberId(member);
                } catch (IllegalArgumentException e) {
                    return fail(e.getMessage());
                }
                Peer peer = s.peers().find(id).orElse(null);
                if (peer == null) {
                    return fail("no peer " + member);
                }
                out().println(change(s, peer));
            }
            return 0;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop sending to a peer; its outbox keeps filling.")
    static final class Pause extends OnePeer {
        @Override
        String change(Store s, Peer peer) {
            s.peers().save(peer.withPaused(true));
            return "peer " + peer.member() + " paused";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Send to a paused peer again, starting with what waited.")
    static final class Resume extends OnePeer {
        @Override
        String change(Store s, Peer peer) {
            s.peers().save(peer.withPaused(false));
            return "peer " + peer.member() + " resumed";
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Disconnect a peer and drop its outbox.")
    static final class Remove extends OnePeer {
        @Override
        String change(Store s, Peer peer) {
            s.peers().remove(peer.member());
            return "peer " + peer.member() + " removed";
        }
    }
}
