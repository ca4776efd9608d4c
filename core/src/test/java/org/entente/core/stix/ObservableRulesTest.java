package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.stix.ValidObjects.*;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObservableRulesTest {
    private static final String MD5 = "6826f9a05da08134006557758bb3afbb";
    private static final String IPV4 = "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4";

    static Stream<Map<String, Object>> minimalObservables() {
        return Stream.of(
                sco("artifact", "payload_bin", "VBORw0KGgoAAAANSUhEUgAAADI=="),
                sco("autonomous-system", "number", integer(15139)),
                sco("directory", "path", "/usr/lib"),
                sco("domain-name", "value", "example.com"),
                sco("email-addr", "value", "john@example.com"),
                sco("email-message", "is_multipart", false, "body", "hello"),
                sco("file", "name", "a.exe", "hashes", map("MD5", MD5)),
                sco("ipv4-addr", "value", "198.51.100.0/24"),
                sco("ipv6-addr", "value", "2001:db8::1"),
                sco("mac-addr", "value", "d2:fb:49:24:37:18"),
                sco("mutex", "name", "__CLEANSWEEP__"),
                sco("network-traffic", "src_ref", IPV4, "protocols", list("tcp")),
                sco("process", "pid", integer(1221)),
                sco("software", "name", "Word"),
                sco("url", "value", "https://example.com/a"),
                sco("user-account", "user_id", "1001"),
                sco("windows-registry-key", "key", "hkey_local_machine\\system\\bar"),
                sco("x509-certificate", "serial_number", "36:f7:d4:32"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalObservables")
    void everyObservableWithItsRequiredPropertiesAndDeterministicIdIsClean(Map<String, Object> sco) {
        assertThat(violations(object(sco))).isEmpty();
    }

    @Test
    void specVersionIsOptionalOnObservablesButMustBe21WhenPresent() {
        Map<String, Object> domain = sco("domain-name", "value", "example.com");
        assertValid(with(domain, "spec_version", ABSENT));
        assertRejected(with(domain, "spec_version", "2.0"), "spec_version", "2.1");
    }

    @Test
    void anIdThatIsNotTheDeterministicOneIsOnlyAWarning() {
        StixObject object = with(sco("domain-name", "value", "example.com"), "id", "domain-name--ecb120bf-2694-4902-a737-62b74539a41b");
        assertThat(errors(object)).isEmpty();
        assertThat(warnings(object)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("id");
            assertThat(v.rule()).contains("SHOULD").contains("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
        });
    }

    @Test
    void anIpv4AddressMustBeAnAddressOrCidrBlock() {
        assertRejected(object(sco("ipv4-addr", "value", "198.51.100.300")), "value", "IPv4");
        assertRejected(object(sco("ipv4-addr", "value", "198.51.100.0/33")), "value", "IPv4");
        assertRejected(object(sco("ipv4-addr", "value", "example.com")), "value", "IPv4");
    }

    @Test
    void anIpv6AddressMustBeAnAddressOrCidrBlock() {
        assertRejected(object(sco("ipv6-addr", "value", "2001:db8:::1:::")), "value", "IPv6");
        assertRejected(object(sco("ipv6-addr", "value", "198.51.100.3")), "value", "IPv6");
        assertValid(object(sco("ipv6-addr", "value", "2001:db8::/32")));
    }

    @Test
    void aMacAddressMustBeLowercaseColonDelimitedMac48() {
        assertRejected(object(sco("mac-addr", "value", "D2:FB:49:24:37:18")), "value", "MAC-48");
        assertRejected(object(sco("mac-addr", "value", "d2-fb-49-24-37-18")), "value", "MAC-48");
    }

    @Test
    void aMultipartEmailMustNotHaveABody() {
        assertRejected(object(sco("email-message", "is_multipart", true, "body", "x")), "body", "is_multipart is true");
        assertRejected(object(sco("email-message", "is_multipart", false,
                "body_multipart", list(map("body", "x")))), "body_multipart", "is_multipart is false");
    }

    @Test
    void aMimePartNeedsExactlyOneOfBodyOrBodyRawRef() {
        assertRejected(object(sco("email-message", "is_multipart", true, "body_multipart",
                list(map("content_type", "text/plain")))), "body_multipart[0]", "exactly one of body or body_raw_ref");
    }

    @Test
    void anEmailMessageWithoutIsMultipartIsRejectedNamingTheProperty() {
        assertRejected(object(sco("email-message", "subject", "hi")), "is_multipart", "required for email-message (6.6)");
    }

    @Test
    void aFileNeedsHashesOrAName() {
        assertRejected(object(sco("file", "size", integer(12))), "name", "hashes or name");
    }

    @Test
    void aKnownHashAlgorithmNeedsAHashOfItsLength() {
        assertRejected(object(sco("file", "hashes", map("MD5", "abc"))), "hashes.MD5", "32 hexadecimal digits");
        assertRejected(object(sco("file", "hashes", map("SHA-256", MD5))), "hashes.SHA-256", "64 hexadecimal digits");
    }

    @Test
    void anUnknownHashAlgorithmIsOnlyAWarning() {
        StixObject object = object(sco("file", "hashes", map("x_acme_hash", "whatever")));
        assertThat(errors(object)).isEmpty();
        assertThat(warnings(object)).anyMatch(v -> v.property().equals("hashes.x_acme_hash"));
    }

    @Test
    void networkTrafficNeedsASourceOrDestinationAndPortsInRange() {
        assertRejected(object(sco("network-traffic", "protocols", list("tcp"))), "src_ref", "src_ref or dst_ref");
        assertRejected(object(sco("network-traffic", "dst_ref", IPV4, "protocols", list("tcp"), "dst_port", integer(70000))),
                "dst_port", "0 to 65535");
        assertRejected(object(sco("network-traffic", "dst_ref", "file--7af1312c-4402-5d2f-b169-b118d73b85c4",
                "protocols", list("tcp"))), "dst_ref", "ipv4-addr");
    }

    @Test
    void activeNetworkTrafficHasNoEnd() {
        assertRejected(object(sco("network-traffic", "src_ref", IPV4, "protocols", list("tcp"), "is_active", true,
                "start", "2020-01-01T00:00:00Z", "end", "2020-01-01T00:01:00Z")), "end", "is_active");
    }

    @Test
    void anArtifactHasExactlyOneOfPayloadOrUrlAndAUrlNeedsHashes() {
        assertRejected(object(sco("artifact", "mime_type", "image/png")), "payload_bin", "exactly one");
        assertRejected(object(sco("artifact", "url", "https://example.com/a.png")), "hashes", "url");
        assertValid(object(sco("artifact", "url", "https://example.com/a.png", "hashes", map("MD5", MD5))));
        assertRejected(object(sco("artifact", "payload_bin", "not base64!")), "payload_bin", "base64");
    }

    @Test
    void anArtifactEncryptionAlgorithmComesFromItsEnumeration() {
        assertRejected(object(sco("artifact", "payload_bin", "AAAA", "encryption_algorithm", "rot13")),
                "encryption_algorithm", "encryption-algorithm-enum");
        assertRejected(object(sco("artifact", "payload_bin", "AAAA", "decryption_key", "secret")),
                "decryption_key", "encryption_algorithm");
    }

    @Test
    void aProcessOrCertificateWithoutAPropertyOfItsOwnIsRejected() {
        assertRejected(object(sco("process")), "", "at least one property");
        assertRejected(object(sco("x509-certificate")), "", "at least one property");
        assertValid(object(sco("process", "extensions", map("windows-process-ext", map("aslr_enabled", true)))));
    }

    @Test
    void enumeratedExtensionPropertiesMustHoldTheirEnumerationsValues() {
        assertRejected(object(sco("process", "pid", integer(1), "extensions", map("windows-process-ext", map("integrity_level", "root")))),
                "extensions.windows-process-ext.integrity_level", "MUST be one of");
        assertRejected(object(sco("network-traffic", "src_ref", IPV4, "protocols", list("tcp"),
                "extensions", map("socket-ext", map("address_family", "AF_MARS")))), "extensions.socket-ext.address_family", "MUST be one of");
    }

    @Test
    void aRegistryValueDataTypeComesFromItsEnumeration() {
        assertRejected(object(sco("windows-registry-key", "key", "hkey_local_machine\\a",
                "values", list(map("name", "Foo", "data_type", "REG_TEXT")))), "values[0].data_type", "windows-registry-datatype-enum");
    }

    @Test
    void referencesOfObservablesMustPointAtTheirTypes() {
        assertRejected(object(sco("email-message", "is_multipart", false, "from_ref", IPV4)), "from_ref", "email-addr");
    }
}
