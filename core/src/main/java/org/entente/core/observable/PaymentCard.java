package org.entente.core.observable;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A payment card as Entente keeps it: the keyed hash of its number, its last four digits and its brand
 * when known. The number itself is never kept. The first six digits (the BIN) are not kept either: with
 * the last four they would leave too few unknown digits to protect the number should the key leak.
 *
 * @param hash  HMAC-SHA-256 of the card number's ASCII digits under the community's {@link CardBlindingKey},
 *              64 lowercase hex digits; this is the observable's value
 * @param last4 the last four digits, for analysts to recognise a card
 * @param brand the card network, when the number's prefix names one
 */
public record PaymentCard(String hash, String last4, Optional<CardBrand> brand) {
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    public PaymentCard {
        Objects.requireNonNull(brand, "brand");
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("a blinded card hash is 64 lowercase hex digits");
        }
        if (last4 == null || !LAST4.matcher(last4).matches()) {
            throw new IllegalArgumentException("last4 is four digits");
        }
    }

    public Observable observable() {
        return new Observable(ObservableKind.PAYMENT_CARD, hash);
    }
}
