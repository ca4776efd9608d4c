package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.stix.ScoIds;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.Violation;
import org.junit.jupiter.api.Test;

class FraudScosTest {
    private final Normaliser normaliser = Normaliser.standard().withCardKey(TestKeys.COMMUNITY);

    @Test
    void theExtensionDefinitionsAreValidStixAndDefineNewScoTypes() {
        for (StixObject object : EntenteExtensions.all()) {
            assertThat(errors(object)).as(object.toString()).isEmpty();
        }
        assertThat(EntenteExtensions.all()).hasSize(5);
        for (StixObject definition : EntenteExtensions.all().subList(1, 5)) {
            assertThat(definition.type()).isEqualTo("extension-definition");
            assertThat(definition.get("extension_types")).isEqualTo(List.of("new-sco"));
            assertThat(definition.get("created_by_ref")).isEqualTo(EntenteExtensions.IDENTITY.id());
        }
    }

    @Test
    void theExtensionDefinitionIdsNeverChange() {
        // Shared objects refer to these ids: changing one would orphan every SCO already sent.
        assertThat(EntenteExtensions.IDENTITY.id()).isEqualTo(PinnedIds.IDENTITY);
        assertThat(EntenteExtensions.definitionId(EntenteExtensions.PHONE_NUMBER)).isEqualTo(PinnedIds.PHONE_NUMBER);
        assertThat(EntenteExtensions.definitionId(EntenteExtensions.BANK_ACCOUNT)).isEqualTo(PinnedIds.BANK_ACCOUNT);
        assertThat(EntenteExtensions.definitionId(EntenteExtensions.PAYMENT_CARD)).isEqualTo(PinnedIds.PAYMENT_CARD);
        assertThat(EntenteExtensions.definitionId(EntenteExtensions.CRYPTO_WALLET)).isEqualTo(PinnedIds.CRYPTO_WALLET);
    }

    @Test
    void theFraudScosAreValidStixNamingTheirExtensionDefinition() {
        for (StixObject sco : sampleScos()) {
            assertThat(errors(sco)).as(sco.toString()).isEmpty();
            assertThat(sco.get("spec_version")).isEqualTo("2.1");
            assertThat(sco.get("extensions")).isEqualTo(Map.of(EntenteExtensions.definitionId(sco.type()), Map.of("extension_type", "new-sco")));
        }
    }

    @Test
    void idsAreUuidV5OfTheContributingPropertiesOnly() {
        StixObject withBic = FraudScos.bankAccount(normaliser.normalise(ObservableKind.BANK_ACCOUNT, "DE89370400440532013000"), Optional.of("COBADEFF"));
        StixObject withoutBic = FraudScos.bankAccount(normaliser.normalise(ObservableKind.BANK_ACCOUNT, "de89 3704 0044 0532 0130 00"), Optional.empty());
        assertThat(withBic.id()).isEqualTo(withoutBic.id())
                .isEqualTo(ScoIds.idFor(EntenteExtensions.BANK_ACCOUNT, Map.of("iban", "DE89370400440532013000")));

        StixObject btc = FraudScos.cryptoWallet(normaliser.wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", null));
        StixObject matic = FraudScos.cryptoWallet(normaliser.wallet("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "MATIC"));
        assertThat(btc.id()).isEqualTo(matic.id());

        StixObject phone = FraudScos.phoneNumber(normaliser.normalise(ObservableKind.PHONE_NUMBER, "+1 650 253 0000"));
        assertThat(phone.id()).isEqualTo(ScoIds.idFor(EntenteExtensions.PHONE_NUMBER, Map.of("value", "+16502530000")));

        PaymentCard card = normaliser.blindCard("4111111111111111");
        assertThat(FraudScos.paymentCard(card).id()).isEqualTo(ScoIds.idFor(EntenteExtensions.PAYMENT_CARD, Map.of("hash", card.hash())));
    }

    @Test
    void aFactoryRefusesAnObservableOfAnotherKind() {
        assertThatThrownBy(() -> FraudScos.phoneNumber(new Observable(ObservableKind.DOMAIN_NAME, "example.com")))
                .hasMessageContaining("expected a phone-number observable");
    }

    @Test
    void aPaymentCardScoHoldsNoCardNumber() {
        StixObject sco = FraudScos.paymentCard(normaliser.blindCard("5500 0000 0000 0004"));
        assertThat(sco.properties()).containsEntry("last4", "0004").containsEntry("brand", "mastercard");
        assertThat(sco.properties().toString()).doesNotContain("5500000000000004");
    }

    private List<StixObject> sampleScos() {
        return List.of(
                FraudScos.phoneNumber(normaliser.normalise(ObservableKind.PHONE_NUMBER, "+41 44 668 18 00")),
                FraudScos.bankAccount(normaliser.normalise(ObservableKind.BANK_ACCOUNT, "GB82 WEST 1234 5698 7654 32"), normaliser.bic("NWBKGB2L")),
                FraudScos.paymentCard(normaliser.blindCard("4111 1111 1111 1111")),
                FraudScos.cryptoWallet(normaliser.wallet("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", null)));
    }

    private static List<Violation> errors(StixObject object) {
        return StixValidator.stix21().validate(object).stream().filter(Violation::isError).toList();
    }

    /** The ids as first published; checked independently with Python's uuid.uuid5 over the same namespace and names. */
    private static final class PinnedIds {
        static final String IDENTITY = "identity--e06ef389-755a-5801-9567-765a8e85201f";
        static final String PHONE_NUMBER = "extension-definition--f3cf05bc-aabc-5585-b511-be7e18f5e8b3";
        static final String BANK_ACCOUNT = "extension-definition--12f63f4f-aa52-5869-8578-b75c4e5630c9";
        static final String PAYMENT_CARD = "extension-definition--69bc699f-519d-5b04-ab06-5b947ee92819";
        static final String CRYPTO_WALLET = "extension-definition--dd714468-e715-576a-a9ee-3bd5d867fb08";
    }
}
