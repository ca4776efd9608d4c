package org.entente.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on a node's data directory (or PostgreSQL store). Exit codes: 0 done, 1 done with
 * refusals, 2 nothing done (bad arguments, missing things).
 */
abstract class StoreCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Says what is wrong, prefixed with the command's name, and returns the exit code for it. */
    int fail(String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return 2;
    }
}
