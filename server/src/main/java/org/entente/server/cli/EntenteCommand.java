package org.entente.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code entente} command line. */
@Command(name = "entente", mixinStandardHelpOptions = true, version = "entente 0.1.0",
        description = "Entente: federated exchange of threat information, early warning and joint exercises.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ObserveCommand.class,
            ExportCommand.class,
            CollectionCommand.class,
            UserCommand.class,
            KeysCommand.class,
            PeerCommand.class,
            CommunityCommand.class,
            ShareCommand.class,
            FeedCommand.class,
            PatternCommand.class,
            WarningsCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class EntenteCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new EntenteCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("entente: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 2;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
