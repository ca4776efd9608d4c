package org.entente.server.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.files.NodeKeyDirectory;
import org.entente.federation.identity.files.SigningKeyChainJson;
import org.entente.server.federation.LocalIdentity;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code entente keys init|show|rotate}: the node's signing and TLS keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The node's signing key chain and TLS certificate.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Show.class, KeysCommand.Rotate.class})
final class KeysCommand extends CommandGroup {

    static void describe(NodeIdentity identity, PrintWriter out) {
        out.println("member:              " + identity.member());
        out.println("signing key:         " + identity.currentKeyId().fingerprint().hex() + " (" + identity.chain().keys().size() + " in chain)");
        out.println("signing fingerprint: " + identity.signingFingerprint().hex());
        out.println("tls fingerprint:     " + identity.tls().fingerprint().hex());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Make the node's keys and name the member it acts for. Refuses to overwrite existing keys.")
    static final class Init extends StoreCommand {

        @Mixin
        MemberOptions member;

        @Override
        public Integer call() {
            if (new NodeKeyDirectory(LocalIdentity.keysDirectory(store.dataDir), Clock.systemUTC(), new SecureRandom()).exists()) {
                return fail("keys exist already in "
                        + LocalIdentity.keysDirectory(store.dataDir) + "; use 'entente keys rotate' for a new signing key");
            }
            try (LocalNode node = LocalNode.open(store, member)) {
                describe(node.identity(), out());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the member id and fingerprints peers pin.")
    static final class Show extends StoreCommand {

        @Override
        public Integer call() {
            NodeKeyDirectory keys = new NodeKeyDirectory(LocalIdentity.keysDirectory(store.dataDir), Clock.systemUTC(), new SecureRandom());
            if (!keys.exists()) {
                return fail("no keys in " + keys.directory() + "; run 'entente keys init'");
            }
            describe(keys.load(), out());
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new signing key, certified by the current one; signatures made before stay verifiable.")
    static final class Rotate extends StoreCommand {

        @Override
        public Integer call() {
            NodeKeyDirectory keys = new NodeKeyDirectory(LocalIdentity.keysDirectory(store.dataDir), Clock.systemUTC(), new SecureRandom());
            if (!keys.exists()) {
                return fail("no keys in " + keys.directory() + "; run 'entente keys init'");
            }
            NodeIdentity rotated = keys.rotate();
            try (Store s = store.open()) {
                s.members().saveKeyChain(rotated.member(), SigningKeyChainJson.write(rotated.chain()));
            }
            describe(rotated, out());
            out().println("restart the node so that it signs with the new key; peers learn the new chain from its identity");
            return 0;
        }
    }
}
