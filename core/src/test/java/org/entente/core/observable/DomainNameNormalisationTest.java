package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameNormalisationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "example.com                | example.com",
            "EXAMPLE.Com                | example.com",
            "example.com.               | example.com",
            "'  Example.COM.  '         | example.com",
            "Bücher.Example             | xn--bcher-kva.example",
            "BÜCHER.example.            | xn--bcher-kva.example",
            "xn--BCHER-KVA.example      | xn--bcher-kva.example",
            "例え.テスト                  | xn--r8jz45g.xn--zckzah",
            "例え。テスト                 | xn--r8jz45g.xn--zckzah",
            "_dmarc.example.org         | _dmarc.example.org",
            "ｅｘａｍｐｌｅ.com          | example.com",
    })
    void domainsAreLowercasedStrippedOfOneTrailingDotAndConvertedToAsciiLabels(String raw, String expected) {
        assertThat(Observables.normalise(ObservableKind.DOMAIN_NAME, raw))
                .isEqualTo(new Observable(ObservableKind.DOMAIN_NAME, expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "example..com", ".example.com", "example.com..", "exa mple.com", "example.com/path", "user@example.com"})
    void malformedDomainsAreRejected(String raw) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.DOMAIN_NAME, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid domain-name '" + raw + "'");
    }

    @org.junit.jupiter.api.Test
    void aLabelLongerThanSixtyThreeCharactersIsRejectedWithTheRule() {
        String raw = "a".repeat(64) + ".example";
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.DOMAIN_NAME, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageContaining("longer than 63 characters");
        assertThat(Observables.normalise(ObservableKind.DOMAIN_NAME, "a".repeat(63) + ".example").value()).startsWith("aaa");
    }

    @org.junit.jupiter.api.Test
    void aNameLongerThan253CharactersIsRejected() {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, "a".repeat(62)); // 254 characters
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.DOMAIN_NAME, name))
                .hasMessageContaining("longer than 253 characters");
        assertThat(Observables.normalise(ObservableKind.DOMAIN_NAME, name.substring(1)).value()).hasSize(253);
    }
}
