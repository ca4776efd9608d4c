package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCardNormalisationTest {
    private final Normaliser normaliser = Normaliser.standard().withCardKey(TestKeys.COMMUNITY);

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "4111 1111 1111 1111      | 1111 | visa",
            "4111-1111-1111-1111      | 1111 | visa",
            "5500 0000 0000 0004      | 0004 | mastercard",
            "2221 0000 0000 0009      | 0009 | mastercard",
            "3782 822463 10005        | 0005 | amex",
            "6011 1111 1111 1117      | 1117 | discover",
            "3530 1113 3330 0000      | 0000 | jcb",
    })
    void aCardIsKeptAsItsKeyedHashLastFourDigitsAndBrand(String raw, String last4, String brand) {
        PaymentCard card = normaliser.blindCard(raw);
        assertThat(card.last4()).isEqualTo(last4);
        assertThat(card.brand()).map(CardBrand::stixValue).contains(brand);
        assertThat(card.hash()).hasSize(64).isEqualTo(hmac(raw.replaceAll("[ -]", "")));
        assertThat(card.toString()).doesNotContain(raw.replaceAll("[ -]", ""));
    }

    @Test
    void equalNumbersGiveEqualKeysWhateverTheirSpacing() {
        assertThat(normaliser.normalise(ObservableKind.PAYMENT_CARD, "4111 1111 1111 1111"))
                .isEqualTo(normaliser.normalise(ObservableKind.PAYMENT_CARD, "4111111111111111"));
    }

    @Test
    void differentKeysGiveUnlinkableHashes() {
        Normaliser other = Normaliser.standard().withCardKey(TestKeys.OTHER);
        assertThat(other.blindCard("4111111111111111").hash()).isNotEqualTo(normaliser.blindCard("4111111111111111").hash());
    }

    @Test
    void anAlreadyBlindedCardNormalisesToItsLowercaseHash() {
        String hash = normaliser.blindCard("4111111111111111").hash();
        assertThat(Observables.normalise(ObservableKind.PAYMENT_CARD, hash.toUpperCase()).value()).isEqualTo(hash);
    }

    @Test
    void aCardNumberWithoutAKeyIsRejectedAndNotRepeated() {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.PAYMENT_CARD, "4111 1111 1111 1111"))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageContaining("no CardBlindingKey")
                .hasMessageContaining("************1111")
                .hasMessageNotContaining("4111111111111111")
                .hasMessageNotContaining("4111 1111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "5500000000000005", "378282246310006", "1234", "4111 1111 1111 1111 1111", "4111-1111-abcd-1111"})
    void numbersFailingTheLuhnCheckOrOfTheWrongLengthAreRejectedWithoutShowingThem(String raw) {
        assertThatThrownBy(() -> normaliser.blindCard(raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid payment-card '")
                .hasMessageNotContaining(raw)
                .hasMessageNotContaining(raw.replaceAll("[ -]", ""));
    }

    @Test
    void theLuhnCheckFollowsIsoIec7812() {
        assertThat(PaymentCards.luhnValid("79927398713")).isTrue();
        assertThat(PaymentCards.luhnValid("79927398710")).isFalse();
    }

    @Test
    void aShortKeyIsRefusedAndAKeyNeverShowsItself() {
        assertThatThrownBy(() -> CardBlindingKey.of(new byte[16])).hasMessageContaining("at least 32 bytes");
        assertThat(TestKeys.COMMUNITY.toString()).isEqualTo("CardBlindingKey[42 bytes]");
    }

    @Test
    void anUnknownPrefixHasNoBrand() {
        assertThat(normaliser.blindCard("9000000000000000001").brand()).isEqualTo(Optional.empty());
    }

    private static String hmac(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestKeys.COMMUNITY.bytes(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
