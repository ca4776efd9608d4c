package org.entente.core.observable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.stix.ScoIds;
import org.entente.core.stix.StixObject;

/**
 * Builds the Entente fraud SCOs from normalised values, with deterministic ids ({@link ScoIds#idFor}).
 *
 * <p>ID contributing properties, chosen so that the same account, card or wallet reported by different
 * members with more or less detail gets one id:
 * <ul>
 *   <li>{@code x-entente-phone-number}: {@code value};</li>
 *   <li>{@code x-entente-bank-account}: {@code iban} (the BIC is optional and follows from the IBAN's bank);</li>
 *   <li>{@code x-entente-payment-card}: {@code hash} (last four digits and brand follow from the number);</li>
 *   <li>{@code x-entente-crypto-wallet}: {@code address} (the currency is a tag, see {@link WalletAddress}).</li>
 * </ul>
 * A payment card's id depends on the blinding key, so cards blinded under different keys do not link.
 */
public final class FraudScos {
    private FraudScos() {}

    /** @param phone an observable of kind {@link ObservableKind#PHONE_NUMBER} */
    public static StixObject phoneNumber(Observable phone) {
        require(phone, ObservableKind.PHONE_NUMBER);
        return sco(EntenteExtensions.PHONE_NUMBER, Map.of("value", phone.value()), List.of("value"));
    }

    /** @param iban an observable of kind {@link ObservableKind#BANK_ACCOUNT}; {@code bic} already normalised */
    public static StixObject bankAccount(Observable iban, Optional<String> bic) {
        require(iban, ObservableKind.BANK_ACCOUNT);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("iban", iban.value());
        bic.ifPresent(b -> properties.put("bic", b));
        return sco(EntenteExtensions.BANK_ACCOUNT, properties, List.of("iban"));
    }

    public static StixObject paymentCard(PaymentCard card) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("hash", card.hash());
        properties.put("last4", card.last4());
        card.brand().ifPresent(b -> properties.put("brand", b.stixValue()));
        return sco(EntenteExtensions.PAYMENT_CARD, properties, List.of("hash"));
    }

    public static StixObject cryptoWallet(WalletAddress wallet) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("address", wallet.address());
        if (!wallet.currency().isEmpty()) properties.put("currency", wallet.currency());
        return sco(EntenteExtensions.CRYPTO_WALLET, properties, List.of("address"));
    }

    /** The id an Entente fraud SCO with these properties has. */
    static String idOf(String type, Map<String, Object> properties, List<String> contributing) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : contributing) if (properties.containsKey(name)) values.put(name, properties.get(name));
        return ScoIds.idFor(type, values);
    }

    private static StixObject sco(String type, Map<String, Object> specific, List<String> contributing) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", type);
        properties.put("spec_version", "2.1");
        properties.put("id", idOf(type, specific, contributing));
        properties.putAll(specific);
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("extension_type", "new-sco");
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(EntenteExtensions.definitionId(type), extension);
        properties.put("extensions", extensions);
        return StixObject.of(properties);
    }

    private static void require(Observable observable, ObservableKind kind) {
        if (observable.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind.label() + " observable, not " + observable.kind().label());
        }
    }
}
