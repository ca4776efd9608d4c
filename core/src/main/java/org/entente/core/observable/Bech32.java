package org.entente.core.observable;

import java.util.Locale;
import java.util.Optional;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) strings: a human-readable part, the separator {@code 1}, and
 * 5-bit data ending in a six-character checksum. The two encodings differ only in the checksum constant.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int BECH32_CONSTANT = 1;
    private static final int BECH32M_CONSTANT = 0x2bc830a3;
    private static final int MAX_LENGTH = 90;

    enum Encoding { BECH32, BECH32M }

    /** A decoded string: human-readable part (lowercase), data without checksum, and which checksum it had. */
    record Decoded(String humanReadablePart, int[] data, Encoding encoding) {}

    private Bech32() {}

    /**
     * Decodes a string, or explains why it is not bech32. Mixed case is refused (BIP-173: decoders MUST
     * NOT accept strings with both upper and lower case).
     */
    static Decoded decode(String text) throws NotBech32 {
        if (text.length() > MAX_LENGTH) throw new NotBech32("longer than " + MAX_LENGTH + " characters");
        if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new NotBech32("mixes upper and lower case (BIP-173)");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.length()) throw new NotBech32("no human-readable part and six-character checksum around '1'");
        String hrp = lower.substring(0, separator);
        for (char c : hrp.toCharArray()) if (c < 33 || c > 126) throw new NotBech32("invalid character in the human-readable part");
        int[] values = new int[lower.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int value = CHARSET.indexOf(lower.charAt(separator + 1 + i));
            if (value < 0) throw new NotBech32("character '" + lower.charAt(separator + 1 + i) + "' is not in the bech32 alphabet");
            values[i] = value;
        }
        int check = polymod(hrp, values);
        Encoding encoding = check == BECH32_CONSTANT ? Encoding.BECH32 : check == BECH32M_CONSTANT ? Encoding.BECH32M : null;
        if (encoding == null) throw new NotBech32("the checksum does not match");
        int[] data = new int[values.length - 6];
        System.arraycopy(values, 0, data, 0, data.length);
        return new Decoded(hrp, data, encoding);
    }

    static Optional<Decoded> tryDecode(String text) {
        try {
            return Optional.of(decode(text));
        } catch (NotBech32 e) {
            return Optional.empty();
        }
    }

    /** Regroups 5-bit values into bytes without padding (BIP-173 convertbits(data, 5, 8, False)); empty on bad padding. */
    static Optional<byte[]> toBytes(int[] fiveBit) {
        int accumulator = 0;
        int bits = 0;
        byte[] out = new byte[fiveBit.length * 5 / 8];
        int length = 0;
        for (int value : fiveBit) {
            accumulator = (accumulator << 5 | value) & 0x1fff; // fewer than 8 bits wait, plus 5 new ones
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[length++] = (byte) (accumulator >>> bits & 0xff);
            }
        }
        if (bits >= 5 || (accumulator << (8 - bits) & 0xff) != 0) return Optional.empty();
        return Optional.of(java.util.Arrays.copyOf(out, length));
    }

    private static int polymod(String hrp, int[] values) {
        int check = 1;
        for (char c : hrp.toCharArray()) check = step(check, c >> 5);
        check = step(check, 0);
        for (char c : hrp.toCharArray()) check = step(check, c & 31);
        for (int value : values) check = step(check, value);
        return check;
    }

    private static int step(int check, int value) {
        int top = check >>> 25;
        check = (check & 0x1ffffff) << 5 ^ value;
        for (int i = 0; i < 5; i++) if ((top >>> i & 1) != 0) check ^= GENERATOR[i];
        return check;
    }

    /** Why a string is not bech32. */
    static final class NotBech32 extends Exception {
        private static final long serialVersionUID = 1L;

        NotBech32(String reason) {
            super(reason, null, false, false);
        }
    }
}
