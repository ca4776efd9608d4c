package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederationCommandsTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void keysAreMadeOnceShownAndRotated() {
        String data = dir.resolve("a").toString();
        CliRun init = run("keys", "init", "--data", data, "--member-name", "CERT-EE", "--country", "EE");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("member:              identity--").contains("tls fingerprint:");
        assertThat(run("keys", "init", "--data", data).err()).contains("keys exist already");
        String member = init.out().lines().filter(l -> l.startsWith("member:")).findFirst().orElseThrow();
        CliRun rotated = run("keys", "rotate", "--data", data);
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains(member).contains("(2 in chain)");
        assertThat(run("keys", "show", "--data", data).out()).contains(member).contains("(2 in chain)");
    }

    @Test
    void aPeerIsAddedByFingerprintAndAShareIsQueuedForIt() throws Exception {
        try (Node peer = Node.start(NodeConfig.local(dir.resolve("peer"), 0).withAdminToken("t"))) {
            String data = dir.resolve("a").toString();
            CliRun wrongPin = run("peer", "add", peer.federation().url(), "--fingerprint", "00".repeat(32), "--data", data);
            assertThat(wrongPin.exit()).isEqualTo(2);
            assertThat(wrongPin.err()).contains("cannot read the identity");

            CliRun added = run("peer", "add", peer.federation().url(), "--fingerprint",
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
            CliRun shared = run("share", bundle.toString(), "--to", "community:pair", "--tlp", "green", "--data", data);
            assertThat(shared.exit()).as(shared.err()).isZero();
            assertThat(shared.out()).contains("shared 1 objects in 1 envelopes with 1 peers");
            assertThat(run("peer", "list", "--data", data).out()).contains(peerId).contains("pending=1");

            assertThat(run("peer", "pause", peerId, "--data", data).out()).contains("paused");
            assertThat(run("peer", "remove", peerId, "--data", data).out()).contains("removed");
            assertThat(run("peer", "list", "--data", data).out()).doesNotContain(peerId);
        }
    }

    @Test
    void aPeerIsAddedInPullModeListedSoAndItsModeKeptWhenPausedOrChangedWhenAddedAgain() {
        try (Node peer = Node.start(NodeConfig.local(dir.resolve("peer"), 0).withAdminToken("t"))) {
            String data = dir.resolve("a").toString();
            String url = peer.federation().url();
            String fingerprint = peer.federation().identity().tls().fingerprint().hex();
            String peerId = peer.federation().identity().member().value();

            CliRun both = run("peer", "add", url, "--fingerprint", fingerprint, "--pull", "--pulled", "--data", data);
            assertThat(both.exit()).isEqualTo(2);
            assertThat(both.err()).contains("--push, --pull and --pulled exclude each other");

            CliRun added = run("peer", "add", url, "--fingerprint", fingerprint, "--pull", "--data", data);
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains(peerId).contains("in pull mode");
            assertThat(run("peer", "pause", peerId, "--data", data).exit()).isZero();
            assertThat(run("peer", "list", "--data", data).out()).contains(peerId).contains("paused   pull").contains("pulled-through=0");

            assertThat(run("peer", "add", url, "--fingerprint", fingerprint, "--pulled", "--data", data).exit()).isZero();
            assertThat(run("peer", "list", "--data", data).out()).contains("pulled").doesNotContain("pulled-through");
            assertThat(run("peer", "add", url, "--fingerprint", fingerprint, "--data", data).out()).contains("in pulled mode");
            assertThat(run("peer", "add", url, "--fingerprint", fingerprint, "--push", "--data", data).out()).doesNotContain(" mode");
            assertThat(run("peer", "list", "--data", data).out()).contains("active   push");
        }
    }

    @Test
    void aPeerThisNodeCannotReachIsAddedFromItsIdentityDocumentGivenWithItsFingerprint() throws Exception {
        String data = dir.resolve("a").toString();
        Path document = dir.resolve("peer-identity.json");
        String fingerprint;
        String peerId;
        try (Node peer = Node.start(NodeConfig.local(dir.resolve("peer"), 0).withAdminToken("t"))) {
            fingerprint = peer.federation().identity().tls().fingerprint().hex();
            peerId = peer.federation().identity().member().value();
            Files.write(document, org.entente.server.federation.IdentityDocument.of(peer.federation().identity(),
                    peer.store().members().local().orElseThrow()).toJson());
        }
        String nowhere = "https://127.0.0.1:9/";

        CliRun otherPin = run("peer", "add", nowhere, "--fingerprint", "00".repeat(32), "--pulled", "--identity", document.toString(), "--data", data);
        assertThat(otherPin.exit()).isEqualTo(2);
        assertThat(otherPin.err()).contains("names certificate " + fingerprint);
        CliRun missing = run("peer", "add", nowhere, "--fingerprint", fingerprint, "--pulled", "--identity", dir.resolve("none.json").toString(), "--data", data);
        assertThat(missing.err()).contains("cannot read the identity document");

        CliRun added = run("peer", "add", nowhere, "--fingerprint", fingerprint, "--pulled", "--identity", document.toString(), "--data", data);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains(peerId).contains("in pulled mode");
        assertThat(run("peer", "list", "--data", data).out()).contains(peerId).contains("active   pulled");
    }

    @Test
    void shareRefusesAnAudienceItCannotRead() {
        CliRun r = run("share", "nothing.json", "--to", "everyone", "--tlp", "green", "--data", dir.resolve("a").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--to takes community:NAME");
    }
}
