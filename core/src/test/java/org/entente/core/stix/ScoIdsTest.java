package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.stix.ValidObjects.*;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoIdsTest {
    @Test
    void uuidV5MatchesTheWellKnownDnsNamespaceExample() {
        // RFC 4122 4.3 with the DNS namespace (RFC 4122 appendix C); Python's uuid5(NAMESPACE_DNS, "python.org").
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(UuidV5.of(dns, "python.org".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void uuidV5SetsVersionFiveAndTheRfc4122Variant() {
        UUID uuid = UuidV5.of(ScoIds.NAMESPACE, "anything".getBytes(StandardCharsets.UTF_8));
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void onlyTheContributingPropertiesDecideTheId() {
        var a = ScoIds.deterministicId(object(map("type", "email-addr", "value", "john@example.com", "display_name", "John")));
        var b = ScoIds.deterministicId(object(map("type", "email-addr", "value", "john@example.com")));
        assertThat(a).isEqualTo(b).contains("email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934");
    }

    @Test
    void theMd5HashIsPreferredOverOthers() {
        var both = ScoIds.deterministicId(object(map("type", "file",
                "hashes", map("SHA-256", "ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a",
                        "MD5", "6826f9a05da08134006557758bb3afbb"))));
        var md5 = ScoIds.deterministicId(object(map("type", "file", "hashes", map("MD5", "6826f9a05da08134006557758bb3afbb"))));
        assertThat(both).isEqualTo(md5);
    }

    @Test
    void anObservableWithoutContributingPropertiesOrOfACustomTypeHasNoDeterministicId() {
        assertThat(ScoIds.deterministicId(object(map("type", "email-message", "is_multipart", false)))).isEmpty();
        assertThat(ScoIds.deterministicId(object(map("type", "process", "pid", integer(4))))).isEmpty();
        assertThat(ScoIds.deterministicId(object(map("type", "x-acme-thing", "value", "a")))).isEmpty();
        assertThat(ScoIds.deterministicId(indicatorObject())).isEmpty();
    }

    private static StixObject indicatorObject() {
        return object(indicator());
    }
}
