package org.entente.server.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code entente peer add|list|pause|resume|remove}. A running node follows the changes within seconds. */
@Command(name = "peer", mixinStandardHelpOptions = true, description = "Connect, list, pause and remove peers.",
        subcommands = {PeerCommand.Add.class, PeerCommand.ListPeers.class, PeerCommand.Pause.class,
                PeerCommand.Resume.class, PeerCommand.Remove.class})
final class PeerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Connect a peer: its certificate must have the fingerprint you were given out of band.")
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Mixin
        MemberOptions member;

        @Parameters(paramLabel = "URL", description = "The peer's federation URL, https://host:port/")
        URI url;

        @Option(names = "--fingerprint", required = true, description = "SHA-256 of the peer's TLS certificate (hex, colons allowed).")
        String fingerprint;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (LocalNode node = LocalNode.open(store, member)) {
                Peer peer = new PeerEnrolment(node.store(), node.identity(), Clock.systemUTC()).enrol(url, Fingerprint.parse(fingerprint));
                spec.commandLine().getOut().println("peer " + peer.member() + " (" + node.store().members().find(peer.member())
                        .map(m -> m.name() + ", " + m.country()).orElse("?") + ") connected at " + peer.url());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("entente peer add: " + e.getMessage());
                return 2;
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Peers with their sync state and lag.")
    static final class ListPeers implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store s = store.open()) {
                for (Peer p : s.peers().list()) {
                    OutboxState state = s.outbox().state(p.member());
                    long lag = state.oldestPending() == null ? 0 : Duration.between(state.oldestPending(), Instant.now()).toSeconds();
                    out.printf("%s  %-28s %-8s pending=%d lag=%ds last=%s%s%n", p.member(),
                            s.members().find(p.member()).map(m -> m.name()).orElse("?"), p.paused() ? "paused" : "active",
                            state.pending(), lag, state.lastDelivered() == null ? "-" : state.lastDelivered(),
                            state.lastError() == null ? "" : " error=" + state.lastError());
                }
            }
            return 0;
        }
    }

    abstract static class OnePeer implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "MEMBER", description = "The peer's member id (identity--…).")
        String member;

        @Spec
        CommandSpec spec;

        abstract String change(Store s, Peer peer);

        @Override
        public Integer call() {
            try (Store s = store.open()) {
                MemberId id;
                try {
                    id = new MemberId(member);
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("entente peer: " + e.getMessage());
                    return 2;
                }
                Peer peer = s.peers().find(id).orElse(null);
                if (peer == null) {
                    spec.commandLine().getErr().println("entente peer: no peer " + member);
                    return 2;
                }
                spec.commandLine().getOut().println(change(s, peer));
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
