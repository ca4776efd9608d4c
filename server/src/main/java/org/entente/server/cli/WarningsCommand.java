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

    /** The member named with --member, or this node's own. */
    private static Optional<MemberId> member(Store s, String named) {
        if (named != null) return Optional.of(new MemberId(named));
        return s.members().local().map(Member::id);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the warnings addressed to this node's member, newest first.")
    static final class ListWarnings extends StoreCommand {
        @Option(names = "--unacknowledged", description = "Only those not yet acknowledged.")
        boolean unacknowledged;

        @Option(names = "--member", paramLabel = "ID", description = "Another member's view (identity--…).")
        String member;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Store s = store.open()) {
                Optional<MemberId> who;
                try {
                    who = member(s, member);
                } catch (IllegalArgumentException e) {
                    return fail(e.getMessage());
                }
                if (who.isEmpty()) return fail("this node has no member identity yet (run 'entente keys init' or 'serve' once)");
                for (AddressedWarning w : s.warnings().addressedTo(who.get(), unacknowledged)) {
                    out.printf("%s  %-22s %-8s %-9s %s%n", w.warning().id(), w.warning().rule(), w.warning().severity(),
                            w.recipient().isAcknowledged() ? "acked" : "open", w.warning().raised());
                }
            }
            return 0;
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge a warning for this node's member.")
    static final class Ack extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "The warning's id.")
        String id;

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}", description = "Who acknowledges (default: the OS user).")
        String by;

        @Option(names = "--member", paramLabel = "ID", description = "Acknowledge for another member (identity--…).")
        String member;

        @Override
        public Integer call() {
            try (Store s = store.open()) {
                Optional<MemberId> who;
                try {
                    who = member(s, member);
                } catch (IllegalArgumentException e) {
                    return fail(e.getMessage());
                }
                if (who.isEmpty()) return fail("this node has no member identity yet (run 'entente keys init' or 'serve' once)");
                if (!s.warnings().acknowledge(id, who.get(), by, Instant.now())) return fail("no warning '" + id + "' for " + who.get());
                out().println("warning " + id + " acknowledged by " + by);
            }
            return 0;
        }
    }
}
