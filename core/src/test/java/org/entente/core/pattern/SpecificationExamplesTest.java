package org.entente.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.Qualifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("STIX 2.1 specification example patterns")
class SpecificationExamplesTest {

    static Stream<String> examples() {
        return Stream.of(
                "[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']",
                "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
                "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
                "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:mime_type = 'application/x-pdf']",
                "([ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32'] FOLLOWEDBY [domain-name:value = 'example.com']) WITHIN 600 SECONDS",
                "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
                "[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
                "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
                "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
                "[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']",
                "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
                "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']",
                "[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
                "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
                "[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']",
                "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
                "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
                "[x-usb-device:usbdrive.serial_number = '575833314133343231313937']",
                "[network-traffic:src_port = 37020 AND user-account:user_id = 'root'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' OR [ipv4-addr:value = '192.168.122.83'] START t'2016-06-01T03:55:00.123Z' STOP t'2016-06-01T04:30:24.743Z'",
                "[process:extensions.'windows-process-ext'.aslr_enabled = true]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("each example parses and its printed form parses back to the same tree")
    void eachExampleParsesAndRoundTrips(String example) {
        Pattern parsed = Pattern.parse(example);
        assertThat(Pattern.parse(parsed.canonicalText())).isEqualTo(parsed);
    }

    @Test
    @DisplayName("a qualifier binds to the observation expression just before it, not to the FOLLOWEDBY")
    void aQualifierBindsToTheExpressionBeforeIt() {
        var e = Pattern.parse("[a:x = 1] FOLLOWEDBY [b:y = 2] WITHIN 300 SECONDS").expression();
        assertThat(e).isInstanceOf(ObservationExpression.FollowedBy.class);
        var right = ((ObservationExpression.FollowedBy) e).right();
        assertThat(right).isEqualTo(new ObservationExpression.Qualified(
                ((ObservationExpression.Qualified) right).expression(), new Qualifier.Within(new BigDecimal("300"))));
    }

    @Test
    @DisplayName("observation AND binds tighter than OR, and OR tighter than FOLLOWEDBY")
    void observationOperatorPrecedence() {
        var e = Pattern.parse("[a:x = 1] OR [a:x = 2] AND [a:x = 3] FOLLOWEDBY [a:x = 4]").expression();
        var followed = (ObservationExpression.FollowedBy) e;
        var or = (ObservationExpression.Or) followed.left();
        assertThat(or.right()).isInstanceOf(ObservationExpression.And.class);
    }

    @Test
    @DisplayName("inside brackets AND binds tighter than OR")
    void comparisonOperatorPrecedence() {
        var single = (ObservationExpression.Single) Pattern.parse("[a:x = 1 OR a:x = 2 AND a:y = 3]").expression();
        var or = (ComparisonExpression.Or) single.comparison();
        assertThat(or.right()).isInstanceOf(ComparisonExpression.And.class);
    }

    @Test
    @DisplayName("parentheses group without leaving a node in the tree")
    void parenthesesLeaveNoNode() {
        assertThat(Pattern.parse("(([a:x = 1]))")).isEqualTo(Pattern.parse("[((a:x = 1))]"));
    }

    @Test
    @DisplayName("EXISTS is STIX 2.1 and not 2.0")
    void existsIsOnlyInStix21() {
        assertThat(Pattern.parse("[EXISTS file:parent_directory_ref]").expression())
                .isInstanceOf(ObservationExpression.Single.class);
        assertThatThrownBy(
                () -> Pattern.parse("[EXISTS file:parent_directory_ref]", PatternVersion.V2_0))
                .isInstanceOf(PatternSyntaxException.class);
    }
}
