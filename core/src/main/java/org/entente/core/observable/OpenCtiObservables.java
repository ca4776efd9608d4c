package org.entente.core.observable;

import java.util.Optional;
import org.entente.core.stix.StixObject;

/**
 * OpenCTI's custom observables for the same fraud observables, as OpenCTI exports them (types and
 * properties as in OpenCTI's {@code stix-2-1-sco} typings):
 * <ul>
 *   <li>{@code phone-number}: {@code value};</li>
 *   <li>{@code bank-account}: {@code iban}, {@code bic}, {@code account_number};</li>
 *   <li>{@code payment-card}: {@code card_number}, {@code expiration_date}, {@code cvv}, {@code holder_name};</li>
 *   <li>{@code cryptocurrency-wallet}: {@code value}.</li>
 * </ul>
 * {@link #toEntente} turns one into the Entente form. A payment card keeps only the keyed hash, the last
 * four digits and the brand: the number, expiry date, CVV and holder name are dropped on the way in.
 */
public final class OpenCtiObservables {
    public static final String PHONE_NUMBER = "phone-number";
    public static final String BANK_ACCOUNT = "bank-account";
    public static final String PAYMENT_CARD = "payment-card";
    public static final String CRYPTOCURRENCY_WALLET = "cryptocurrency-wallet";

    private OpenCtiObservables() {}

    public static boolean isOpenCtiFraudSco(String type) {
        return type.equals(PHONE_NUMBER) || type.equals(BANK_ACCOUNT) || type.equals(PAYMENT_CARD) || type.equals(CRYPTOCURRENCY_WALLET);
    }

    /**
     * The Entente SCO for an OpenCTI fraud observable; empty for other types and for a bank account that
     * holds only a domestic account number (which identifies nothing without its bank and country).
     *
     * @throws InvalidObservableException when a value is invalid, naming the property
     */
    public static Optional<StixObject> toEntente(StixObject openCti, Normaliser normaliser) {
        return switch (openCti.type()) {
            case PHONE_NUMBER -> ScoValues.string(openCti, "value")
                    .map(v -> FraudScos.phoneNumber(ScoValues.at(openCti, "value", () -> normaliser.normalise(ObservableKind.PHONE_NUMBER, v))));
            case BANK_ACCOUNT -> ScoValues.openCtiIban(openCti, normaliser).map(iban -> FraudScos.bankAccount(iban,
                    ScoValues.string(openCti, "bic").flatMap(b -> ScoValues.at(openCti, "bic", () -> normaliser.bic(b)))));
            case PAYMENT_CARD -> ScoValues.string(openCti, "card_number")
                    .map(n -> FraudScos.paymentCard(ScoValues.at(openCti, "card_number", () -> normaliser.blindCard(n))));
            case CRYPTOCURRENCY_WALLET -> ScoValues.string(openCti, "value")
                    .map(v -> FraudScos.cryptoWallet(ScoValues.at(openCti, "value", () -> normaliser.wallet(v, null))));
            default -> Optional.empty();
        };
    }
}
