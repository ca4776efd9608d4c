package org.entente.core.observable;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Payment-card numbers: spaces and hyphens removed, 12 to 19 digits (ISO/IEC 7812-1 allows up to 19;
 * no card in use is shorter than 12), Luhn check digit verified, then blinded with HMAC-SHA-256 so that
 * equal numbers give equal keys and the number is never kept. Error messages show only the last four
 * digits, since a rejected number is still a card number.
 */
final class PaymentCards {
    private static final String HMAC = "HmacSHA256";

    private PaymentCards() {}

    static PaymentCard blind(String raw, CardBlindingKey key) {
        String digits = raw.strip().replaceAll("[\\s-]", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) throw invalid(raw, "a card number has only digits, spaces and hyphens");
        if (digits.length() < 12 || digits.length() > 19) throw invalid(raw, "a card number has 12 to 19 digits (ISO/IEC 7812-1)");
        if (!luhnValid(digits)) throw invalid(raw, "the check digit does not match (Luhn, ISO/IEC 7812-1 Annex B)");
        return new PaymentCard(hmac(key, digits), digits.substring(digits.length() - 4), CardBrand.of(digits));
    }

    /** The value of an already blinded card: its hash, lowercased; anything else is refused. */
    static String blindedHash(String raw) {
        String hash = raw.strip().toLowerCase(Locale.ROOT);
        if (!PaymentCard.HASH.matcher(hash).matches()) {
            throw invalid(raw, "a blinded card is 64 hex digits (HMAC-SHA-256); a card number needs a CardBlindingKey");
        }
        return hash;
    }

    /** Whether {@code raw} is already a blinded hash rather than a card number (which has at most 19 digits). */
    static boolean isBlinded(String raw) {
        return PaymentCard.HASH.matcher(raw.strip().toLowerCase(Locale.ROOT)).matches();
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String hmac(CardBlindingKey key, String digits) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.bytes(), HMAC));
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK provides " + HMAC, e);
        }
    }

    /** Everything but the last four digits hidden. */
    static String masked(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() <= 4) return "*".repeat(digits.length());
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.PAYMENT_CARD, masked(raw), rule);
    }
}
