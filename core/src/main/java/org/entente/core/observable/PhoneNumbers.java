package org.entente.core.observable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers in E.164 form ({@code +33123456789}), parsed and validated by libphonenumber. A number
 * written without its country code is read in the default region; with the region {@code ZZ} (unknown)
 * only numbers starting with {@code +} (or an international prefix libphonenumber knows) are accepted.
 * Numbers libphonenumber's metadata does not consider valid are refused: a key for an impossible number
 * would only ever match typing errors. Extensions are dropped, as E.164 has none.
 */
final class PhoneNumbers {
    /** libphonenumber's code for "no region": the number must carry its country code. */
    static final String UNKNOWN_REGION = "ZZ";

    private PhoneNumbers() {}

    static String normalise(String raw, String defaultRegion) {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        PhoneNumber number;
        try {
            number = numbers.parse(raw.strip(), defaultRegion);
        } catch (NumberParseException e) {
            throw invalid(raw, "cannot be parsed (" + e.getErrorType() + ", default region " + defaultRegion + "): " + e.getMessage());
        }
        if (!numbers.isValidNumber(number)) {
            throw invalid(raw, "not a valid number for region " + numbers.getRegionCodeForNumber(number)
                    + " in libphonenumber's metadata (default region " + defaultRegion + ")");
        }
        return numbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.PHONE_NUMBER, raw, rule);
    }
}
