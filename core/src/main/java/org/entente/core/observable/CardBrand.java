package org.entente.core.observable;

import java.util.Optional;

/**
 * Card networks, recognised by the issuer identification number ranges they publish. Only used as a hint
 * for analysts next to the last four digits; ranges change, so an unknown prefix is not an error.
 */
public enum CardBrand {
    VISA("visa"),
    MASTERCARD("mastercard"),
    AMERICAN_EXPRESS("amex"),
    DISCOVER("discover"),
    JCB("jcb"),
    DINERS_CLUB("diners"),
    UNIONPAY("unionpay"),
    MAESTRO("maestro");

    private final String stixValue;

    CardBrand(String stixValue) {
        this.stixValue = stixValue;
    }

    /** The value written in the {@code brand} property of an {@code x-entente-payment-card}. */
    public String stixValue() {
        return stixValue;
    }

    public static Optional<CardBrand> fromStixValue(String value) {
        for (CardBrand brand : values()) if (brand.stixValue.equals(value)) return Optional.of(brand);
        return Optional.empty();
    }

    /** The brand of a card number (digits only), when its prefix is in a known range. */
    static Optional<CardBrand> of(String digits) {
        int two = prefix(digits, 2);
        int three = prefix(digits, 3);
        int four = prefix(digits, 4);
        if (digits.startsWith("4")) return Optional.of(VISA);
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) return Optional.of(MASTERCARD);
        if (two == 34 || two == 37) return Optional.of(AMERICAN_EXPRESS);
        if (four == 6011 || two == 65 || three >= 644 && three <= 649) return Optional.of(DISCOVER);
        if (four >= 3528 && four <= 3589) return Optional.of(JCB);
        if (three >= 300 && three <= 305 || two == 36 || two == 38 || two == 39) return Optional.of(DINERS_CLUB);
        if (two == 62) return Optional.of(UNIONPAY);
        if (two == 50 || two >= 56 && two <= 58 || two == 63 || two == 67) return Optional.of(MAESTRO);
        return Optional.empty();
    }

    private static int prefix(String digits, int length) {
        return digits.length() < length ? -1 : Integer.parseInt(digits.substring(0, length));
    }
}
