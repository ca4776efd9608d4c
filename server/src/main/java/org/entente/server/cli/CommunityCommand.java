package org.entente.server.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.server.share.Channels;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente community add|list}: sharing groups and their charters. */
@Command(name = "community", mixinStandardHelpOptions = true, description = "Manage communities and their charters.",
        subcommands = {CommunityCommand.Add.class, CommunityCommand.ListCommunities.class})
final class CommunityCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a community or replace its charter. Every member's node needs the same charter.")
    static final class Add extends StoreCommand {

        @Parameters(paramLabel = "NAME", description = "Lowercase letters, digits and '-'.")
        String name;

        @Option(names = "--member", required = true, split = ",", description = "Member ids (identity--…), this node's included.")
        List<String> members;

        @Option(names = "--domain", split = ",", description = "Data domains carried (default: all).")
        List<String> domains;

        @Option(names = "--highest-tlp", defaultValue = "amber", description = "Most restrictive TLP carried. Default: ${DEFAULT-VALUE}.")
        String highestTlp;

        @Option(names = "--relay", description = "Members may relay what they receive through this community.")
        boolean relay;

        @Option(names = "--hidden", description = "Hide the membership from members.")
        boolean hidden;

        @Override
        public Integer call() {
            Community community;
            try {
                Set<MemberId> ids = new LinkedHashSet<>();
                for (String m : members) ids.add(new MemberId(m));
                Tlp tlp = Tlp.parse(highestTlp).orElseThrow(() -> new IllegalArgumentException(
                        "--highest-tlp must be clear, green, amber, amber+strict or red, not '" + highestTlp + "'"));
                community = new Community(name, new Charter(ids, domains == null ? Set.of() : new LinkedHashSet<>(domains), tlp, relay, hidden));
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            try (Store s = store.open()) {
                s.communities().save(community);
                new Channels(s.collections()).collectionOf(community); // its members may post into it from now on
            }
            out().println("community " + name + ": " + community.charter().members().size() + " members, up to "
                    + community.charter().highestTlp());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List communities.")
    static final class ListCommunities extends StoreCommand {

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Store s = store.open()) {
                for (Community c : s.communities().list()) {
                    Charter ch = c.charter();
                    out.printf("%-20s members=%d domains=%s highest=%s relay=%s hidden=%s%n", c.name(), ch.members().size(),
                            ch.domains().isEmpty() ? "all" : String.join(",", ch.domains()), ch.highestTlp(), ch.relayAllowed(), ch.membershipHidden());
                }
            }
            return 0;
        }
    }
}
