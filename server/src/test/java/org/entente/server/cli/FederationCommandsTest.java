package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FederationCommandsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EntenteCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void keysAreMadeOnceShownAndRotated() {
        String data = dir.resolve("a").toString();
        Run init = run("keys", "init", "--data", data, "--member-name", "CERT-EE", "--country", "EE");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("member:              identity--").contains("tls fingerprint:");
        assertThat(run("keys", "init", "--data", data).err()).contains("keys exist already");
        String member = init.out().lines().filter(l -> l.startsWith("member:")).findFirst().orElseThrow();
        Run rotated = run("keys", "rotate", "--data", data);
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains(member).contains("(2 in chain)");
        assertThat(run("keys", "show", "--data", data).out()).contains(member).contains("(2 in chain)");
    }

    @Test
    void aPeerIsAddedByFingerprintAndAShareIsQueuedForIt() throws Exception {
        try (Node peer = Node.start(NodeConfig.local(dir.resolve("peer"), 0).withAdminToken("t"))) {
            String data = dir.resolve("a").toString();
            Run wrongPin = run("peer", "add", peer.federation().url(), "--fingerprint", "00".repeat(32), "--data", data);
            assertThat(wrongPin.exit()).isEqualTo(2);
            assertThat(wrongPin.err()).contains("cannot read the identity");

            Run added = run("peer", "add", peer.federation().url(), "--fingerprint",
                    peer.federation().identity().tls().fingerprint().hex(), "--data", data);
            assertThat(added.exit()).as(added.err()).isZero();
            String peerId = peer.federation().identity().member().value();
            assertThat(added.out()).contains(peerId);

            String self = run("keys", "show", "--data", data).out().lines().findFirst().orElseThrow().replace("member:", "").strip();
            assertThat(run("community", "add", "pair", "--member", self + "," + peerId, "--domain", "cyber", "--data", data).exit()).isZero();
            assertThat(run("community", "list", "--data", data).out()).contains("pair").contains("members=2");

            Path bundle = dir.resolve("bundle.json");
            Files.write(bundle, StixJson.write(StixJson.object("type", "bundle", "id", SampleObjects.id("bundle"),
                    "objects", List.of(SampleObjects.indicator(SampleObjects.id("indicator"), "2026-01-01T00:00:00.000Z")))));
            Run shared = run("share", bundle.toString(), "--to", "community:pair", "--tlp", "green", "--data", data);
            assertThat(shared.exit()).as(shared.err()).isZero();
            assertThat(shared.out()).contains("shared 1 objects in 1 envelopes with 1 peers");
            assertThat(run("peer", "list", "--data", data).out()).contains(peerId).contains("pending=1");

            assertThat(run("peer", "pause", peerId, "--data", data).out()).contains("paused");
            assertThat(run("peer", "remove", peerId, "--data", data).out()).contains("removed");
            assertThat(run("peer", "list", "--data", data).out()).doesNotContain(peerId);
        }
    }

    @Test
    void shareRefusesAnAudienceItCannotRead() {
        Run r = run("share", "nothing.json", "--to", "everyone", "--tlp", "green", "--data", dir.resolve("a").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--to takes community:NAME");
    }
}
