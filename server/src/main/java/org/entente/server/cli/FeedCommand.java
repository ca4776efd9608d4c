package org.entente.server.cli;

import java.net.URI;
import org.entente.server.ingest.Feed;
import org.entente.server.ingest.FeedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente feed add|list|remove}: TAXII 2.1 collections the node pulls from. */
@Command(name = "feed", mixinStandardHelpOptions = true, description = "Pull from TAXII 2.1 collections of other servers.",
        subcommands = {FeedCommand.Add.class, FeedCommand.ListFeeds.class, FeedCommand.Remove.class})
final class FeedCommand extends CommandGroup {
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Pull a TAXII collection into the local collection feed-NAME; the running node starts within seconds.")
    static final class Add extends StoreCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "URL", description = "The collection's URL, …/collections/<id>/")
        URI url;

        @Option(names = "--token-env", paramLabel = "VAR",
                description = "Environment variable holding a bearer token for the server (kept out of the process list).")
        String tokenVariable;

        @Option(names = "--every", defaultValue = "60", description = "Seconds between pulls. Default: ${DEFAULT-VALUE}.")
        int every;

        @Override
        public Integer call() {
            String authorization = null;
            if (tokenVariable != null) {
                String token = System.getenv(tokenVariable);
                if (token == null || token.isBlank()) return fail("environment variable " + tokenVariable + " is not set");
                authorization = "Bearer " + token;
            }
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) return fail("URL must be http:// or https://");
            try {
                new FeedFile(store.dataDir).save(new Feed(name, url.toString(), authorization, every, null));
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            out().println("feed " + name + " pulls " + url + " every " + every + " s into collection feed-" + name);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List feeds and how far each was read.")
    static final class ListFeeds extends StoreCommand {
        @Override
        public Integer call() {
            for (Feed f : new FeedFile(store.dataDir).list()) {
                out().printf("%-20s %s every %ds, read up to %s%n", f.name(), f.url(), f.everySeconds(), f.cursor() == null ? "-" : f.cursor());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop pulling a feed (its objects stay).")
    static final class Remove extends StoreCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            if (!new FeedFile(store.dataDir).remove(name)) return fail("no feed " + name);
            out().println("feed " + name + " removed");
            return 0;
        }
    }
}
