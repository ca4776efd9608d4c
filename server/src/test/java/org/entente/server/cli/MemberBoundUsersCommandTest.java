package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.store.Account;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente user add --member} and {@code entente export --as-member}: accounts of members hosted on this node. */
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
    void exportRefusesAMalformedMember() {
        CliRun r = CliRun.of("export", "--data", dir.resolve("data").toString(), "--as-member", "CERT-EE");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--as-member").contains("CERT-EE");
    }
}
