package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberNormalisationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+1 650-253-0000          | +16502530000",
            "+1 (650) 253 0000        | +16502530000",
            "+41 44 668 18 00         | +41446681800",
            "+33 1 42 68 53 00        | +33142685300",
            "'  +33142685300 '        | +33142685300",
    })
    void numbersWithTheirCountryCodeBecomeE164(String raw, String expected) {
        assertThat(Observables.normalise(ObservableKind.PHONE_NUMBER, raw).value()).isEqualTo(expected);
    }

    @Test
    void nationalNumbersAreReadInTheDefaultRegion() {
        Normaliser french = Normaliser.standard().withDefaultPhoneRegion("fr");
        assertThat(french.normalise(ObservableKind.PHONE_NUMBER, "01 42 68 53 00").value()).isEqualTo("+33142685300");
        assertThat(french.normalise(ObservableKind.PHONE_NUMBER, "0041 44 668 18 00").value()).isEqualTo("+41446681800");
        Normaliser swiss = Normaliser.standard().withDefaultPhoneRegion("CH");
        assertThat(swiss.normalise(ObservableKind.PHONE_NUMBER, "044 668 18 00").value()).isEqualTo("+41446681800");
    }

    @Test
    void aNationalNumberWithoutADefaultRegionIsRejected() {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.PHONE_NUMBER, "01 42 68 53 00"))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid phone-number '01 42 68 53 00'")
                .hasMessageContaining("default region ZZ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 555 0100", "+999 123456", "+33 1", "not a number", "", "+44 20 1234"})
    void invalidNumbersAreRejected(String raw) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.PHONE_NUMBER, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid phone-number");
    }
}
