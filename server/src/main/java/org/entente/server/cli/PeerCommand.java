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
import org.entente.store.PeerMode;
import org.entente.store.PullCursor;
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
            description = "Connect a peer: its certificate must have the fingerprint you were given out of band."
                    + " Both nodes push to each other unless --pull or --pulled says only one of them can open connections.")
    static final class Add extends StoreCommand {

        @Mixin
        MemberOptions member;

        @Parameters(paramLabel = "URL", description = "The peer's federation URL, https://host:port/")
        URI url;

        @Option(names = "--fingerprint", required = true, description = "SHA-256 of the peer's TLS certificate (hex, colons allowed).")
        String fingerprint;

        @Option(names = "--push", description = "Both nodes push to each other: the mode of a new peer unless --pull or --pulled"
                + " is given; a known peer keeps its mode unless one of the three is given.")
        boolean push;

        @Option(names = "--pull", description = "The peer cannot open connections to this node (firewall, NAT, no inbound"
                + " connections here): this node fetches its queue from the peer's outbox and still pushes to it.")
        boolean pull;

        @Option(names = "--pulled", description = "This node cannot reach the peer: the peer pushes to this node and fetches"
                + " its queue here; this node never connects to it.")
        boolean pulled;

        @Option(names = "--identity", paramLabel = "FILE", description = "The peer's identity document (what it serves at"
                + " /federation/v1/identity), given out of band with its fingerprint: for a peer this node cannot reach.")
        java.nio.file.Path identity;

        @Override
        public Integer call() {
            if ((push ? 1 : 0) + (pull ? 1 : 0) + (pulled ? 1 : 0) > 1) {
                return fail("--push, --pull and --pulled exclude each other: say which node opens the connections");
            }
            // No flag: a new peer is pushed to, a known one keeps its mode (as over REST).
            PeerMode mode = push ? PeerMode.PUSH : pull ? PeerMode.PULL : pulled ? PeerMode.PULLED : null;
            try (LocalNode node = LocalNode.open(store, member)) {
                PeerEnrolment enrolment = new PeerEnrolment(node.store(), node.identity(), Clock.systemUTC());
                Peer peer = identity == null ? enrolment.enrol(url, Fingerprint.parse(fingerprint), mode)
                        : enrolment.enrol(url, Fingerprint.parse(fingerprint), mode, readIdentity());
                out().println("peer " + peer.member() + " (" + node.store().members().find(peer.member())
                        .map(m -> m.name() + ", " + m.country()).orElse("?") + ") connected at " + peer.url()
                        + (peer.mode() == PeerMode.PUSH ? "" : " in " + peer.mode().label() + " mode"));
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            return 0;
        }

        private byte[] readIdentity() {
            try {
                return java.nio.file.Files.readAllBytes(identity);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the identity document " + identity + ": " + e.getMessage(), e);
            }
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
                    out.printf("%s  %-28s %-8s %-6s pending=%d lag=%ds last=%s%s%s%n", p.member(),
                            s.members().find(p.member()).map(m -> m.name()).orElse("?"), p.paused() ? "paused" : "active",
                            p.mode().label(), state.pending(), lag, state.lastDelivered() == null ? "-" : state.lastDelivered(),
                            state.lastError() == null ? "" : " error=" + state.lastError(),
                            p.mode().pullsFromPeer() ? pullState(s.pullCursors().cursor(p.member())) : "");
                }
            }
            return 0;
        }
    }

    /** Where pulling from a peer has come: the last seq of its outbox stored here, when, and the last error. */
    static String pullState(PullCursor cursor) {
        return " pulled-through=" + cursor.pulledThrough() + " pulled=" + (cursor.lastPulled() == null ? "-" : cursor.lastPulled())
                + (cursor.lastError() == null ? "" : " pull-error=" + cursor.lastError());
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
