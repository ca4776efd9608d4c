package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.Account;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente user add --member} and {@code entente export --as-member}: accounts of members hosted on this
 * node, and what such a user writes over TAXII being its member's.
 */
class MemberBoundUsersCommandTest {
    static final MemberId HOSTED = MemberId.ofPublicKey("hosted".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void aUserIsBoundToAHostedMemberAndABadBindingIsRefusedNamingIt() {
        String data = dir.resolve("data").toString();
        CliRun added = CliRun.of("user", "add", "unit", "--member", HOSTED.value(), "--data", data);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("acting for member " + HOSTED.value());

        CliRun malformed = CliRun.of("user", "add", "other", "--member", "unit-7", "--data", data);
        assertThat(malformed.exit()).isNotZero();
        assertThat(malformed.err()).contains("--member").contains("identity--<UUIDv5>").contains("unit-7");
        CliRun admin = CliRun.of("user", "add", "boss", "--admin", "--member", HOSTED.value(), "--data", data);
        assertThat(admin.exit()).isNotZero();
        assertThat(admin.err()).contains("admin");

        try (Store store = StoreFactory.open(dir.resolve("data"), null)) {
            assertThat(store.accounts().findUser("unit")).map(Account::member).contains(Optional.of(HOSTED));
            assertThat(store.accounts().findUser("other")).isEmpty();
            assertThat(store.accounts().findUser("boss")).isEmpty();
        }
    }

    @Test
    void aUserMadeWithTheCliForAHostedMemberReadsBackWhatItPostsAndTheExportForThatMemberHoldsIt() {
        String data = dir.resolve("data").toString();
        String id = SampleObjects.id("indicator");
        Map<String, Object> indicator = SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z");

        try (Node node = Node.start(NodeConfig.local(dir.resolve("data"), 0))) {
            // The operator binds the user while the node runs (the default collection is the node's).
            assertThat(CliRun.of("user", "add", "unit", "--member", HOSTED.value(), "--data", data).exit()).isZero();
            CliRun granted = CliRun.of("user", "grant", "unit", "default", "--read", "--write", "--data", data);
            assertThat(granted.exit()).as(granted.err()).isZero();
            CliRun token = CliRun.of("user", "token", "unit", "--data", data);
            assertThat(token.exit()).as(token.err()).isZero();
            TaxiiClient unit = TaxiiClient.bearer(node.url(), token.out().strip());
            TaxiiClient.Response posted = unit.post("/taxii2/node/collections/default/objects/", SampleObjects.envelope(indicator));
            assertThat(posted.json().get("success_count")).as(posted.text()).isEqualTo(1);
            TaxiiClient.Response read = unit.get("/taxii2/node/collections/default/objects/" + id + "/");
            assertThat(read.status()).as(read.text()).isEqualTo(200);
            assertThat(read.json().get("objects")).isEqualTo(List.of(indicator));
        }

        CliRun export = CliRun.of("export", "--data", data, "--as-member", HOSTED.value());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains(id);
        CliRun other = CliRun.of("export", "--data", data, "--as-member", MemberId.ofPublicKey("other".getBytes(StandardCharsets.UTF_8)).value());
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).doesNotContain(id);
    }

    @Test
    void theOperatorSharesForAHostedMemberAndOnlyThatMemberAndItsAudienceHoldIt() throws java.io.IOException {
        String data = dir.resolve("data").toString();
        String id = SampleObjects.id("indicator");
        Path bundle = dir.resolve("bundle.json");
        java.nio.file.Files.write(bundle, org.entente.core.stix.codec.StixJson.write(org.entente.core.stix.codec.StixJson.object(
                "type", "bundle", "id", "bundle--" + java.util.UUID.randomUUID(),
                "objects", List.of(SampleObjects.indicator(id, "2026-01-01T00:00:00.000Z")))));
        MemberId named = MemberId.ofPublicKey("named".getBytes(StandardCharsets.UTF_8));

        CliRun shared = CliRun.of("share", bundle.toString(), "--as-member", HOSTED.value(), "--to", "member:" + named.value(),
                "--tlp", "amber", "--data", data);

        assertThat(shared.exit()).as(shared.err()).isZero();
        assertThat(shared.out()).contains("shared 1 objects for member " + HOSTED.value()).contains("kept on this node");
        assertThat(CliRun.of("export", "--data", data, "--as-member", HOSTED.value()).out()).contains(id);
        assertThat(CliRun.of("export", "--data", data, "--as-member", named.value()).out()).contains(id);
        CliRun other = CliRun.of("export", "--data", data, "--as-member", MemberId.ofPublicKey("other".getBytes(StandardCharsets.UTF_8)).value());
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).doesNotContain(id);

        CliRun malformed = CliRun.of("share", bundle.toString(), "--as-member", "CERT-EE", "--tlp", "amber", "--data", data);
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("--as-member").contains("CERT-EE");
    }

    @Test
    void exportRefusesAMalformedMember() {
        CliRun r = CliRun.of("export", "--data", dir.resolve("data").toString(), "--as-member", "CERT-EE");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--as-member").contains("CERT-EE");
    }
}
