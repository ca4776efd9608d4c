package org.entente.server.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.files.NodeKeyDirectory;
import org.entente.federation.identity.files.SigningKeyChainJson;
import org.entente.server.federation.LocalIdentity;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code entente keys init|show|rotate}: the node's signing and TLS keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The node's signing key chain and TLS certificate.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Show.class, KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void describe(NodeIdentity identity, PrintWriter out) {
        out.println("member:              " + identity.member());
        out.println("signing key:         " + identity.currentKeyId().fingerprint().hex() + " (" + identity.chain().keys().size() + " in chain)");
        out.println("signing fingerprint: " + identity.signingFingerprint().hex());
        out.println("tls fingerprint:     " + identity.tls().fingerprint().hex());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Make the node's keys and name the member it acts for. Refuses to overwrite existing keys.")
    static final class Init implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Mixin
        MemberOptions member;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (new NodeKeyDirectory(LocalIdentity.keysDirectory(store.dataDir), Clock.systemUTC(), new SecureRandom()).exists()) {
                spec.commandLine().getErr().println("entente keys init: keys exist already in "
                        + LocalIdentity.keysDirectory(store.dataDir) + "; use 'entente keys rotate' for a new signing key");
                return 2;
            }
            try (LocalNode node = LocalNode.open(store, member)) {
                describe(node.identity(), spec.commandLine().getOut());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the member id and fingerprints peers pin.")
    static final class Show implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            NodeKeyDirectory keys = new NodeKeyDirectory(LocalIdentity.keysDirectory(store.dataDir), Clock.systemUTC(), new SecureRandom());
            if (!keys.exists()) {
                spec.commandLine().getErr().println("entente keys show: no keys in " + keys.directory() + "; run 'entente keys init'");
                return 2;
            }
            describe(keys.load(), spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new signing key, certified by the current one; signatures made before stay verifiable.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            NodeKeyDirectory keys = new NodeKeyDirectory(LocalIdentity.keysDirectory(store.dataDir), Clock.systemUTC(), new SecureRandom());
            if (!keys.exists()) {
                spec.commandLine().getErr().println("entente keys rotate: no keys in " + keys.directory() + "; run 'entente keys init'");
                return 2;
            }
            NodeIdentity rotated = keys.rotate();
            try (Store s = store.open()) {
                s.members().saveKeyChain(rotated.member(), SigningKeyChainJson.write(rotated.chain()));
            }
            describe(rotated, spec.commandLine().getOut());
            spec.commandLine().getOut().println("restart the node so that it signs with the new key; peers learn the new chain from its identity");
            return 0;
        }
    }
}
