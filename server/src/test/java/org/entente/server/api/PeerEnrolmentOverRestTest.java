package org.entente.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.federation.IdentityDocument;
import org.entente.server.federation.MemberProfile;
import org.entente.server.testing.TaxiiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/peers} with the peer's identity document inline, as {@code entente peer add --pulled
 * --identity FILE} does: over real HTTP on loopback, against a German node enrolling a French node that it
 * cannot reach (the URL goes to a closed port), from the document the French operator sent out of band.
 */
class PeerEnrolmentOverRestTest {
    static final String TOKEN = "peer-rest-admin";

    @TempDir
    Path dir;

    Node de;
    Node fr;
    TaxiiClient admin;
    String unreachable;
    String frFingerprint;
    Map<String, Object> frIdentity;

    @BeforeEach
    void start() throws IOException {
        de = Node.start(NodeConfig.local(dir.resolve("de"), 0).withAdminToken(TOKEN)
                .withProfile(new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber")));
        fr = Node.start(NodeConfig.local(dir.resolve("fr"), 0).withAdminToken(TOKEN)
                .withProfile(new MemberProfile("CERT-FR", "FR", Level.STATE, "cyber")));
        admin = TaxiiClient.bearer(de.url(), TOKEN);
        try (ServerSocket s = new ServerSocket(0)) {
            unreachable = "https://127.0.0.1:" + s.getLocalPort() + "/";
        }
        frFingerprint = fr.federation().identity().tls().fingerprint().hex();
        frIdentity = identityOf(fr);
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {de, fr}) if (n != null) n.close();
    }

    @Test
    void aPeerThatCannotBeReachedIsEnrolledFromItsIdentityDocumentSentInline() {
        TaxiiClient.Response r = addPeer(StixJson.object("url", unreachable, "fingerprint", frFingerprint,
                "mode", "pulled", "identity", frIdentity));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Map<String, Object> peer = r.json();
        assertThat(peer.get("member")).isEqualTo(fr.federation().identity().member().value());
        assertThat(peer.get("name")).isEqualTo("CERT-FR");
        assertThat(peer.get("mode")).isEqualTo("pulled");
        assertThat(peer.get("signing_fingerprint")).isEqualTo(fr.federation().identity().signingFingerprint().hex());
        assertThat(peers()).extracting(p -> p.get("member")).containsExactly(fr.federation().identity().member().value());
        assertThat(de.store().members().keyChain(fr.federation().identity().member())).isPresent();
    }

    @Test
    void anUnknownModeIsRefusedNamingTheModesThereAre() {
        TaxiiClient.Response r = addPeer(StixJson.object("url", unreachable, "fingerprint", frFingerprint,
                "mode", "fetch", "identity", frIdentity));

        assertRefused(r, 400, "peer mode must be push, pull or pulled, not fetch");
    }

    @Test
    void anIdentityThatIsNotAJsonObjectIsRefused() {
        TaxiiClient.Response r = addPeer(StixJson.object("url", unreachable, "fingerprint", frFingerprint,
                "mode", "pulled", "identity", StixJson.writeString(frIdentity)));

        assertRefused(r, 400, "body.identity must be the peer's identity document (what it serves at /federation/v1/identity) as a JSON object");
    }

    @Test
    void anIdentityDocumentWithoutItsMemberIsRefusedNamingWhatIsMissing() {
        Map<String, Object> broken = new HashMap<>(frIdentity);
        broken.remove("member");

        assertRefused(addPeer(StixJson.object("url", unreachable, "fingerprint", frFingerprint, "mode", "pulled", "identity", broken)),
                400, "body.identity: identity document: member is missing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIdentityDocumentWhoseMemberIsNotTheOneItsKeysBelongToIsRefused() {
        Map<String, Object> forged = new HashMap<>(frIdentity);
        Map<String, Object> member = new HashMap<>((Map<String, Object>) forged.get("member"));
        String other = MemberId.ofPublicKey("someone else".getBytes(java.nio.charset.StandardCharsets.UTF_8)).value();
        member.put("id", other);
        forged.put("member", member);

        assertRefused(addPeer(StixJson.object("url", unreachable, "fingerprint", frFingerprint, "mode", "pulled", "identity", forged)),
                400, "body.identity: identity document names member " + other + " but its key chain belongs to "
                        + fr.federation().identity().member().value());
    }

    @Test
    void anIdentityDocumentWithABrokenKeyChainIsRefusedNamingTheField() {
        Map<String, Object> broken = new HashMap<>(frIdentity);
        broken.put("key_chain", StixJson.object("type", "a shopping list"));

        TaxiiClient.Response r = addPeer(StixJson.object("url", unreachable, "fingerprint", frFingerprint,
                "mode", "pulled", "identity", broken));

        assertRefused(r, 400, "body.identity: ");
        assertThat(r.json().get("detail").toString()).contains("type").contains("entente-signing-key-chain");
    }

    @Test
    void anIdentityNamingAnotherCertificateThanThePinnedFingerprintIsRefused() {
        String deFingerprint = de.federation().identity().tls().fingerprint().hex();

        TaxiiClient.Response r = addPeer(StixJson.object("url", unreachable, "fingerprint", deFingerprint,
                "mode", "pulled", "identity", frIdentity));

        assertRefused(r, 422, "the identity of " + unreachable + " names certificate " + fr.federation().identity().tls().fingerprint()
                + ", not the pinned " + de.federation().identity().tls().fingerprint());
    }

    @Test
    void aMalformedFingerprintBesideAnIdentityIsRefusedBeforeTheDocumentIsRead() {
        assertRefused(addPeer(StixJson.object("url", unreachable, "fingerprint", "not-hex",
                "mode", "pulled", "identity", frIdentity)), 400, "fingerprint");
    }

    private void assertRefused(TaxiiClient.Response r, int status, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").toString()).contains(detail);
        // Nothing was stored: no peer, and no member or key chain learnt from the refused document.
        assertThat(peers()).isEmpty();
        assertThat(de.store().members().find(fr.federation().identity().member())).isEmpty();
        assertThat(de.store().members().keyChain(fr.federation().identity().member())).isEmpty();
    }

    private TaxiiClient.Response addPeer(Map<String, Object> body) {
        return admin.send(admin.request("/api/v1/peers")
                .POST(HttpRequest.BodyPublishers.ofByteArray(StixJson.write(body))).header("Content-Type", "application/json"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> peers() {
        return (List<Map<String, Object>>) admin.get("/api/v1/peers").json().get("peers");
    }

    /** The document a node serves at /federation/v1/identity, as its operator would send it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> identityOf(Node node) {
        byte[] json = IdentityDocument.of(node.federation().identity(), node.store().members().local().orElseThrow()).toJson();
        return (Map<String, Object>) StixJson.readTree(json);
    }
}
