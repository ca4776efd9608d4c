package org.entente.core.observable;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/** Bitcoin's Base58Check: base58 text of payload + the first four bytes of SHA-256(SHA-256(payload)). */
final class Base58Check {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    private Base58Check() {}

    /** The payload (version byte included), or empty when the text is not base58 or the checksum fails. */
    static Optional<byte[]> decode(String text) {
        if (text.isEmpty()) return Optional.empty();
        BigInteger value = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean leading = true;
        for (char c : text.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) return Optional.empty();
            if (leading && digit == 0) leadingZeros++;
            else leading = false;
            value = value.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        byte[] bytes = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, bytes, leadingZeros, magnitude.length);
        if (bytes.length < 5) return Optional.empty();
        byte[] payload = Arrays.copyOf(bytes, bytes.length - 4);
        byte[] checksum = Arrays.copyOfRange(doubleSha256(payload), 0, 4);
        if (!Arrays.equals(checksum, Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length))) return Optional.empty();
        return Optional.of(payload);
    }

    static boolean isBase58(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static byte[] doubleSha256(byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return sha256.digest(sha256.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
