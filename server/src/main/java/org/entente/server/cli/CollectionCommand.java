package org.entente.server.cli;

import java.io.PrintWriter;
import java.util.UUID;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente collection add|list}. */
@Command(name = "collection", mixinStandardHelpOptions = true, description = "Manage TAXII collections.",
        subcommands = {CollectionCommand.Add.class, CollectionCommand.ListCollections.class})
final class CollectionCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a collection; NAME becomes its alias, usable in URLs in place of its id.")
    static final class Add extends StoreCommand {

        @Parameters(paramLabel = "NAME", description = "Alias: letters, digits, '-', '_'.")
        String name;

        @Option(names = "--title", description = "Human-readable title (default: NAME).")
        String title;

        @Option(names = "--description", description = "What the collection holds.")
        String description;

        @Override
        public Integer call() {
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                return fail("NAME must be 1-64 letters, digits, '-' or '_'");
            }
            try (Store s = store.open()) {
                if (s.collections().find(name).isPresent()) {
                    return fail("collection '" + name + "' exists already");
                }
                CollectionInfo created = new CollectionInfo(UUID.randomUUID().toString(), title == null ? name : title, description, name);
                s.collections().create(created);
                out().println("collection '" + name + "' created with id " + created.id());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List collections with their object counts.")
    static final class ListCollections extends StoreCommand {

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Store s = store.open()) {
                for (CollectionInfo c : s.collections().list()) {
                    out.printf("%s  %-16s %8d objects  %s%n", c.id(), c.alias() == null ? "-" : c.alias(),
                            s.objects().countObjects(c.id()), c.title());
                }
            }
            return 0;
        }
    }
}
