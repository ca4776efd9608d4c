package org.entente.core.observable;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * International Bank Account Numbers (ISO 13616): spaces removed (the printed form groups by four), an
 * {@code IBAN} prefix removed, uppercased, then checked: two letters of country, two check digits, an
 * alphanumeric BBAN, the length registered for the country, and the ISO 7064 MOD 97-10 checksum (the
 * number read with letters as 10..35 leaves remainder 1 modulo 97). Countries missing from the length
 * table are accepted with any length from 15 to 34 when the checksum holds.
 *
 * <p>Also normalises BICs (ISO 9362): uppercase, 8 or 11 characters; the branch code {@code XXX} names the
 * primary office, the same as the 8-character form, so it is dropped.
 */
final class Ibans {
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    /** IBAN lengths of the SWIFT IBAN registry for the countries members most often meet. */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));

    private Ibans() {}

    static String normalise(String raw) {
        String iban = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (iban.startsWith("IBAN")) iban = iban.substring(4);
        if (!SHAPE.matcher(iban).matches()) {
            throw invalid(raw, "an IBAN is two letters, two check digits and 11 to 30 letters or digits (ISO 13616)");
        }
        Integer expected = LENGTHS.get(iban.substring(0, 2));
        if (expected != null && iban.length() != expected) {
            throw invalid(raw, "an IBAN of " + iban.substring(0, 2) + " has " + expected + " characters, not " + iban.length());
        }
        if (mod97(iban) != 1) throw invalid(raw, "the check digits do not match (ISO 7064 MOD 97-10)");
        return iban;
    }

    /** Whether {@code text} is a valid IBAN, for fields that may hold one or a domestic account number. */
    static boolean isValid(String text) {
        try {
            normalise(text);
            return true;
        } catch (InvalidObservableException e) {
            return false;
        }
    }

    static Optional<String> normaliseBic(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        String bic = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!BIC.matcher(bic).matches()) {
            throw new InvalidObservableException(ObservableKind.BANK_ACCOUNT, raw, "a BIC has 8 or 11 letters and digits (ISO 9362)");
        }
        return Optional.of(bic.length() == 11 && bic.endsWith("XXX") ? bic.substring(0, 8) : bic);
    }

    /** The remainder modulo 97 of the IBAN with its first four characters moved to the end, letters as 10..35. */
    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.BANK_ACCOUNT, raw, rule);
    }
}
