package org.entente.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.core.pattern.Observations;
import org.entente.core.pattern.Pattern;
import org.entente.core.pattern.PatternEvaluationException;
import org.entente.core.pattern.PatternMatcher;
import org.entente.core.pattern.PatternSyntaxException;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code entente pattern check PATTERN} (exit 0 valid, 2 invalid with the position and reason on stderr)
 * and {@code entente pattern match PATTERN FILE} (a bundle or a JSON list of bundles of observed-data and
 * their SCOs; prints true or false; exit 0 match, 1 no match, 2 invalid pattern or input).
 */
@Command(name = "pattern", mixinStandardHelpOptions = true, description = "Check STIX patterns and match them against observations.",
        subcommands = {PatternCommand.Check.class, PatternCommand.Match.class})
final class PatternCommand extends CommandGroup {

    static Pattern parse(String text, CommandSpec spec) {
        try {
            return Pattern.parse(text);
        } catch (PatternSyntaxException e) {
            spec.commandLine().getErr().println("invalid pattern at position " + e.position() + ": " + e.reason());
            spec.commandLine().getErr().println("  " + text);
            spec.commandLine().getErr().println("  " + " ".repeat(Math.max(0, Math.min(e.position(), text.length()))) + "^");
            return null;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check a pattern: exit 0 when valid, 2 when not.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "PATTERN")
        String text;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Pattern pattern = parse(text, spec);
            if (pattern == null) return 2;
            spec.commandLine().getOut().println(pattern.canonicalText());
            return 0;
        }
    }

    @Command(name = "match", mixinStandardHelpOptions = true,
            description = "Match a pattern against observations: prints true or false; exit 0 match, 1 no match, 2 invalid.")
    static final class Match implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATTERN")
        String text;

        @Parameters(index = "1", paramLabel = "FILE", description = "A bundle, or a JSON list of bundles.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Pattern pattern = parse(text, spec);
            if (pattern == null) return 2;
            List<StixObject> bundles = new ArrayList<>();
            try {
                Object tree = StixJson.readTree(Files.readAllBytes(file));
                List<?> items = tree instanceof List<?> list ? list : List.of(tree);
                for (Object item : items) {
                    if (!(item instanceof Map<?, ?>)) throw new IllegalArgumentException("expected bundles (JSON objects) in " + file);
                    bundles.add(StixJson.toObject(item, "bundle"));
                }
                boolean matched = PatternMatcher.matches(pattern, Observations.fromBundles(bundles));
                spec.commandLine().getOut().println(matched);
                return matched ? 0 : 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read " + file + ": " + e.getMessage());
            } catch (StixParseException | IllegalArgumentException | PatternEvaluationException e) {
                spec.commandLine().getErr().println(file + ": " + e.getMessage());
            }
            return 2;
        }
    }
}
