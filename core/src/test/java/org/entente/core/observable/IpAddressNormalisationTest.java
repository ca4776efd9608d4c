package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressNormalisationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "8.8.8.8              | 8.8.8.8",
            "' 8.8.8.8 '          | 8.8.8.8",
            "0.0.0.0              | 0.0.0.0",
            "255.255.255.255      | 255.255.255.255",
            "10.1.2.3/8           | 10.0.0.0/8",
            "192.168.1.77/24      | 192.168.1.0/24",
            "192.168.1.77/32      | 192.168.1.77",
            "192.168.1.77/0       | 0.0.0.0/0",
            "172.16.5.4/12        | 172.16.0.0/12",
            "10.0.0.1/08          | 10.0.0.0/8",
    })
    void ipv4AddressesAreDottedQuadsAndCidrBlocksHaveTheirHostBitsCleared(String raw, String expected) {
        assertThat(Observables.normalise(ObservableKind.IPV4, raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.1.1.1", "192.168.01.1", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.4/33", "1.2.3.4/", "0x7f.0.0.1",
            "1.2.3.-4", "", "1.2.3.4/+8", "١.٢.٣.٤"})
    void ipv4AddressesThatAreAmbiguousOrOutOfRangeAreRejected(String raw) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.IPV4, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid ipv4-addr '" + raw + "'");
    }

    @org.junit.jupiter.api.Test
    void aLeadingZeroIsRejectedBecauseSomeParsersReadItAsOctal() {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.IPV4, "010.0.0.1"))
                .hasMessageContaining("leading zero").hasMessageContaining("octal");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // RFC 5952 §4.1: leading zeros suppressed
            "2001:0db8::0001                       | 2001:db8::1",
            // §4.2.1: :: shortens as much as possible
            "2001:db8:0:0:0:0:2:1                  | 2001:db8::2:1",
            "2001:db8::0:1                         | 2001:db8::1",
            // §4.2.2: a single 16-bit 0 field is not shortened
            "2001:db8:0000:1:1:1:1:1               | 2001:db8:0:1:1:1:1:1",
            "2001:db8::1:1:1:1:1                   | 2001:db8:0:1:1:1:1:1",
            // §4.2.3: the longest run is shortened, the first of equal runs
            "2001:0:0:1:0:0:0:1                    | 2001:0:0:1::1",
            "2001:db8:0:0:1:0:0:1                  | 2001:db8::1:0:0:1",
            // §4.3: lowercase
            "2001:DB8::AB:CD                       | 2001:db8::ab:cd",
            // §5: IPv4-mapped addresses in mixed notation
            "0:0:0:0:0:ffff:c000:0201              | ::ffff:192.0.2.1",
            "::FFFF:192.0.2.1                      | ::ffff:192.0.2.1",
            "::                                    | ::",
            "0:0:0:0:0:0:0:1                       | ::1",
            "1:2:3:4:5:6:7::                       | 1:2:3:4:5:6:7:0",
            "fe80:0:0:0:0:0:0:0                    | fe80::",
            "2001:db8::192.0.2.33                  | 2001:db8::c000:221",
            "2001:db8:85a3::8a2e:370:7334/64       | 2001:db8:85a3::/64",
            "2001:db8::1/128                       | 2001:db8::1",
            "2001:db8:ffff::/30                    | 2001:db8::/30",
            "::/0                                  | ::/0",
    })
    void ipv6AddressesHaveTheCanonicalTextOfRfc5952(String raw, String expected) {
        assertThat(Observables.normalise(ObservableKind.IPV6, raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1::2::3", "fe80::1%eth0", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7::8", "::g",
            "::1/129", "::ffff:1.2.3.256", "::1.2.3.4:1", ":1:2:3:4:5:6:7", "", "::+1"})
    void malformedIpv6AddressesAreRejected(String raw) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.IPV6, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid ipv6-addr '" + raw + "'");
    }
}
