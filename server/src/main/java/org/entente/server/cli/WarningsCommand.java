package org.entente.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.store.AddressedWarning;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente warnings list|ack}: the warnings addressed to this node's member, on its store. */
@Command(name = "warnings", mixinStandardHelpOptions = true, description = "List and acknowledge warnings.",
        subcommands = {WarningsCommand.ListWarnings.class, WarningsCommand.Ack.class})
final class WarningsCommand extends CommandGroup {

    /** A command acting for this node's member, or the member named with --member. */
    abstract static class ForMember extends StoreCommand {
        @Option(names = "--member", paramLabel = "ID", description = "Act for another member (identity--…).")
        String member;

        abstract int run(Store s, MemberId who);

        @Override
        public Integer call() {
            try (Store s = store.open()) {
                Optional<MemberId> who;
                try {
                    who = member != null ? Optional.of(new MemberId(member)) : s.members().local().map(Member::id);
                } catch (IllegalArgumentException e) {
                    return fail(e.getMessage());
                }
                if (who.isEmpty()) return fail("this node has no member identity yet (run 'entente keys init' or 'serve' once)");
                return run(s, who.get());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the warnings addressed to this node's member, newest first.")
    static final class ListWarnings extends ForMember {
        @Option(names = "--unacknowledged", description = "Only those not yet acknowledged.")
        boolean unacknowledged;

        @Override
        int run(Store s, MemberId who) {
            PrintWriter out = out();
            for (AddressedWarning w : s.warnings().addressedTo(who, unacknowledged)) {
                out.printf("%s  %-22s %-8s %-5s %s%n", w.warning().id(), w.warning().rule(), w.warning().severity(),
                        w.recipient().isAcknowledged() ? "acked" : "open", w.warning().raised());
            }
            return 0;
        }
    }

    /**
     * Records the acknowledgement on the store; the node (running now, or at its next start) finds it there and
     * sends it back to the peers that addressed the member a view of the warning.
     */
    @Command(name = "ack", mixinStandardHelpOptions = true, description = {"Acknowledge a warning for this node's member.",
            "The node sends the acknowledgement back to the warning's origin within a second if it runs, else when it starts."})
    static final class Ack extends ForMember {
        @Parameters(paramLabel = "ID", description = "The warning's id.")
        String id;

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}", description = "Who acknowledges (default: the OS user).")
        String by;

        @Override
        int run(Store s, MemberId who) {
            if (!s.warnings().acknowledge(id, who, by, Instant.now())) return fail("no warning '" + id + "' for " + who);
            out().println("warning " + id + " acknowledged by " + by);
            return 0;
        }
    }
}
