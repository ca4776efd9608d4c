package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankAccountNormalisationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "DE89 3704 0044 0532 0130 00          | DE89370400440532013000",
            "de89370400440532013000               | DE89370400440532013000",
            "IBAN DE89 3704 0044 0532 0130 00     | DE89370400440532013000",
            "GB82 WEST 1234 5698 7654 32          | GB82WEST12345698765432",
            "gb82 west 1234 5698 7654 32          | GB82WEST12345698765432",
            "FR14 2004 1010 0505 0001 3M02 606    | FR1420041010050500013M02606",
            "NO93 8601 1117 947                   | NO9386011117947",
    })
    void ibansLoseTheirSpacesAndAreUppercased(String raw, String expected) {
        assertThat(Observables.normalise(ObservableKind.BANK_ACCOUNT, raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "DE89 3704 0044 0532 0130 01          | MOD 97-10",
            "DE88 3704 0044 0532 0130 00          | MOD 97-10",
            "GB82 WEST 1234 5698 7654 33          | MOD 97-10",
            "DE89 3704 0044 0532 0130 0           | an IBAN of DE has 22 characters, not 21",
            "DE89 3704 0044 0532 0130 000         | an IBAN of DE has 22 characters, not 23",
            "1234 5678 9012 3456                  | two letters, two check digits",
            "DE89-3704-0044-0532-0130-00          | two letters, two check digits",
    })
    void ibansWithAWrongChecksumLengthOrShapeAreRejectedWithTheRule(String raw, String rule) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.BANK_ACCOUNT, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid bank-account '" + raw + "'")
                .hasMessageContaining(rule);
    }

    @Test
    void bicsAreUppercasedAndThePrimaryOfficeBranchCodeIsDropped() {
        Normaliser normaliser = Normaliser.standard();
        assertThat(normaliser.bic("deutdeff")).contains("DEUTDEFF");
        assertThat(normaliser.bic("DEUTDEFFXXX")).contains("DEUTDEFF");
        assertThat(normaliser.bic("DEUTDEFF500")).contains("DEUTDEFF500");
        assertThat(normaliser.bic(" ")).isEmpty();
        assertThatThrownBy(() -> normaliser.bic("DEUT")).hasMessageContaining("ISO 9362");
    }
}
