package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressNormalisationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "jane.doe@example.com                  | jane.doe@example.com",
            "Jane.Doe@Example.COM                  | jane.doe@example.com",
            "`\"Jane Doe\" <Jane.Doe@Example.com>` | jane.doe@example.com",
            "Jane Doe <jane@example.com.>          | jane@example.com",
            "<jane@example.com>                    | jane@example.com",
            "mailto:Jane@Example.com               | jane@example.com",
            "jane+fraud@example.com                | jane+fraud@example.com",
            "jane@Bücher.example                   | jane@xn--bcher-kva.example",
            "jane@[192.0.2.1]                      | jane@[192.0.2.1]",
            "jane@[IPv6:2001:DB8:0:0:0:0:0:1]      | jane@[IPv6:2001:db8::1]",
    })
    void addressesLoseDisplayNamesAndTheirDomainAndLocalPartAreLowercased(String raw, String expected) {
        assertThat(Observables.normalise(ObservableKind.EMAIL_ADDR, raw).value()).isEqualTo(expected);
    }

    @Test
    void theLocalPartKeepsItsCaseWhenTheNormaliserIsAskedTo() {
        Normaliser exact = Normaliser.standard().withEmailLocalPart(EmailLocalPart.PRESERVE_CASE);
        assertThat(exact.normalise(ObservableKind.EMAIL_ADDR, "Jane.Doe@Example.COM").value()).isEqualTo("Jane.Doe@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "@example.com", "jane@", "jane@exa..mple.com", "ja ne@example.com", "Jane <jane@example.com",
            "jane@[300.1.1.1]"})
    void malformedAddressesAreRejected(String raw) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.EMAIL_ADDR, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid email-addr '" + raw + "'");
    }

    @Test
    void aLocalPartLongerThanSixtyFourCharactersIsRejected() {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.EMAIL_ADDR, "a".repeat(65) + "@example.com"))
                .hasMessageContaining("RFC 5321");
    }
}
