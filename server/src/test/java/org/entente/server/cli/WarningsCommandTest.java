package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.StoredWarning;
import org.entente.store.WarningRecipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarningsCommandTest {
    private static final Member LOCAL = new Member(MemberId.ofPublicKey("local".getBytes(StandardCharsets.UTF_8)), "CERT", "DE",
            Level.STATE, "cyber");
    private static final String ID = "0b5e8a52-7a5e-4f7e-9d1c-2f3a4b5c6d7e";

    @TempDir
    Path data;

    @BeforeEach
    void aWarningForTheLocalMember() {
        try (Store s = StoreFactory.open(data, null)) {
            s.members().save(LOCAL);
            s.members().setLocal(LOCAL.id());
            s.warnings().raise(new StoredWarning(ID, "indicator-match", Instant.parse("2026-11-24T01:00:00Z"), null, "Severe", false, null, null),
                    List.of(WarningRecipient.addressed(ID, LOCAL.id(), "<alert/>", "{}")));
        }
    }

    @Test
    void aListedWarningIsAcknowledgedFromTheCommandLine() {
        CliRun open = CliRun.of("warnings", "list", "--unacknowledged", "--data", data.toString());
        assertThat(open.exit()).isZero();
        assertThat(open.out()).contains(ID).contains("indicator-match").contains("open");

        CliRun ack = CliRun.of("warnings", "ack", ID, "--by", "duty-officer", "--data", data.toString());
        assertThat(ack.exit()).isZero();
        assertThat(ack.out()).contains("acknowledged by duty-officer");

        assertThat(CliRun.of("warnings", "list", "--unacknowledged", "--data", data.toString()).out()).doesNotContain(ID);
        assertThat(CliRun.of("warnings", "list", "--data", data.toString()).out()).contains(ID).contains("acked");
        try (Store s = StoreFactory.open(data, null)) {
            assertThat(s.warnings().recipients(ID).get(0).acknowledgedBy()).isEqualTo("duty-officer");
        }
    }

    @Test
    void acknowledgingAnUnknownWarningSaysSoAndChangesNothing() {
        CliRun ack = CliRun.of("warnings", "ack", "nosuch", "--data", data.toString());
        assertThat(ack.exit()).isEqualTo(2);
        assertThat(ack.err()).contains("no warning 'nosuch'");
        assertThat(CliRun.of("warnings", "list", "--unacknowledged", "--data", data.toString()).out()).contains(ID);
    }
}
