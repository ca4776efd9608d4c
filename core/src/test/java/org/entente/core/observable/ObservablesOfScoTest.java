package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.stix.StixObject;
import org.junit.jupiter.api.Test;

class ObservablesOfScoTest {
    private final Normaliser normaliser = Normaliser.standard().withCardKey(TestKeys.COMMUNITY);

    @Test
    void theSpecificationsObservablesYieldTheirNormalisedValue() {
        assertThat(Observables.of(sco("domain-name", "value", "Example.COM."))).containsExactly(observable(ObservableKind.DOMAIN_NAME, "example.com"));
        assertThat(Observables.of(sco("url", "value", "HTTP://Example.com:80"))).containsExactly(observable(ObservableKind.URL, "http://example.com/"));
        assertThat(Observables.of(sco("ipv4-addr", "value", "10.1.2.3/8"))).containsExactly(observable(ObservableKind.IPV4, "10.0.0.0/8"));
        assertThat(Observables.of(sco("ipv6-addr", "value", "2001:DB8:0:0:0:0:0:1"))).containsExactly(observable(ObservableKind.IPV6, "2001:db8::1"));
        assertThat(Observables.of(sco("email-addr", "value", "Jane@Example.com"))).containsExactly(observable(ObservableKind.EMAIL_ADDR, "jane@example.com"));
    }

    @Test
    void aFileYieldsOneObservablePerHashOfAKnownAlgorithm() {
        Map<String, Object> hashes = new LinkedHashMap<>();
        hashes.put("MD5", "D41D8CD98F00B204E9800998ECF8427E");
        hashes.put("SHA-256", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
        hashes.put("x_acme_hash", "whatever");
        StixObject file = StixObject.of("type", "file", "id", "file--5e2a34b3-2f6a-5bd3-9e4e-4a4b1e8b1b1e", "hashes", hashes, "name", "a.exe");
        assertThat(Observables.of(file)).containsExactly(
                new Observable(ObservableKind.fileHash(HashAlgorithm.MD5), "d41d8cd98f00b204e9800998ecf8427e"),
                new Observable(ObservableKind.fileHash(HashAlgorithm.SHA_256), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void typesThatCarryNoObservableYieldNone() {
        assertThat(Observables.of(sco("mutex", "name", "Global\\x"))).isEmpty();
        assertThat(Observables.of(StixObject.of("type", "domain-name"))).isEmpty();
    }

    @Test
    void aBadValueIsReportedWithTheObjectAndProperty() {
        assertThatThrownBy(() -> Observables.of(StixObject.of("type", "domain-name", "id", "domain-name--1", "value", "a..b")))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessage("invalid domain-name 'a..b' at domain-name--1/value: empty label (consecutive dots or a leading dot)")
                .extracting(e -> ((InvalidObservableException) e).property()).isEqualTo("domain-name--1/value");
        assertThatThrownBy(() -> Observables.of(StixObject.of("type", "file", "hashes", Map.of("SHA-1", "abc"))))
                .hasMessageContaining("at file/hashes.SHA-1");
    }

    @Test
    void ententeAndOpenCtiPhoneNumbersGiveTheSameObservable() {
        Observable expected = observable(ObservableKind.PHONE_NUMBER, "+16502530000");
        assertThat(Observables.of(sco(EntenteExtensions.PHONE_NUMBER, "value", "+16502530000"))).containsExactly(expected);
        assertThat(Observables.of(sco("phone-number", "value", "+1 (650) 253-0000"))).containsExactly(expected);
    }

    @Test
    void ententeAndOpenCtiBankAccountsGiveTheSameObservable() {
        Observable expected = observable(ObservableKind.BANK_ACCOUNT, "DE89370400440532013000");
        assertThat(Observables.of(sco(EntenteExtensions.BANK_ACCOUNT, "iban", "DE89370400440532013000", "bic", "COBADEFF"))).containsExactly(expected);
        assertThat(Observables.of(sco("bank-account", "iban", "de89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX"))).containsExactly(expected);
        assertThat(Observables.of(sco("bank-account", "account_number", "DE89 3704 0044 0532 0130 00"))).containsExactly(expected);
        assertThat(Observables.of(sco("bank-account", "account_number", "0532013000"))).isEmpty();
    }

    @Test
    void ententeAndOpenCtiCryptoWalletsGiveTheSameObservable() {
        Observable expected = observable(ObservableKind.CRYPTOCURRENCY_WALLET, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        assertThat(Observables.of(sco(EntenteExtensions.CRYPTO_WALLET, "address", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "currency", "BTC")))
                .containsExactly(expected);
        assertThat(Observables.of(sco("cryptocurrency-wallet", "value", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"))).containsExactly(expected);
    }

    @Test
    void anOpenCtiPaymentCardIsHashedOnTheWayInAndMatchesTheEntenteCard() {
        StixObject openCti = sco("payment-card", "card_number", "4111 1111 1111 1111", "expiration_date", "2030-01-01T00:00:00Z",
                "cvv", 123, "holder_name", "Jane Doe");
        List<Observable> fromOpenCti = normaliser.of(openCti);
        PaymentCard card = normaliser.blindCard("4111111111111111");
        assertThat(fromOpenCti).containsExactly(card.observable());
        assertThat(normaliser.of(FraudScos.paymentCard(card))).containsExactly(card.observable());
        assertThat(fromOpenCti.toString()).doesNotContain("4111111111111111");
    }

    @Test
    void anOpenCtiPaymentCardCannotBeReadWithoutAKey() {
        assertThatThrownBy(() -> Observables.of(sco("payment-card", "card_number", "4111111111111111")))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageContaining("no CardBlindingKey")
                .hasMessageNotContaining("4111111111111111");
    }

    @Test
    void openCtiFraudObservablesConvertToTheEntenteFormDroppingCardDetails() {
        StixObject card = OpenCtiObservables.toEntente(sco("payment-card", "card_number", "4111111111111111", "expiration_date",
                "2030-01-01T00:00:00Z", "cvv", 123, "holder_name", "Jane Doe"), normaliser).orElseThrow();
        assertThat(card.type()).isEqualTo(EntenteExtensions.PAYMENT_CARD);
        assertThat(card.properties()).containsKeys("hash", "last4", "brand").doesNotContainKeys("card_number", "cvv", "expiration_date", "holder_name");
        assertThat(card.properties().toString()).doesNotContain("4111111111111111").doesNotContain("Jane");

        StixObject bank = OpenCtiObservables.toEntente(sco("bank-account", "iban", "DE89 3704 0044 0532 0130 00", "bic", "cobadeffxxx"), normaliser).orElseThrow();
        assertThat(bank.get("iban")).isEqualTo("DE89370400440532013000");
        assertThat(bank.get("bic")).isEqualTo("COBADEFF");

        assertThat(OpenCtiObservables.toEntente(sco("phone-number", "value", "+41 44 668 18 00"), normaliser).orElseThrow().get("value"))
                .isEqualTo("+41446681800");
        assertThat(OpenCtiObservables.toEntente(sco("cryptocurrency-wallet", "value", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), normaliser)
                .orElseThrow().properties()).containsEntry("address", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").containsEntry("currency", "ETH");
        assertThat(OpenCtiObservables.toEntente(sco("domain-name", "value", "example.com"), normaliser)).isEqualTo(Optional.empty());
    }

    private static Observable observable(ObservableKind kind, String value) {
        return new Observable(kind, value);
    }

    private static StixObject sco(String type, Object... namesAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", type);
        for (int i = 0; i < namesAndValues.length; i += 2) properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return StixObject.of(properties);
    }
}
