package org.entente.core.observable;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak submission, padding byte 0x01), which differs from
 * the standardised SHA3-256 (padding 0x06) the JDK provides. Needed for EIP-55 checksums only.
 */
final class Keccak256 {
    private static final int RATE = 136; // bytes: 1600 - 2 * 256 bits
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
        0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
        0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    /** Rotation offsets of the rho step, indexed x + 5y. */
    private static final int[] ROTATIONS = {
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14};

    private Keccak256() {}

    static byte[] digest(byte[] message) {
        return digest(message, (byte) 0x01);
    }

    /** With {@code domainPadding} 0x06 this is SHA3-256, which lets tests check the permutation against the JDK. */
    static byte[] digest(byte[] message, byte domainPadding) {
        int blocks = message.length / RATE + 1;
        byte[] padded = new byte[blocks * RATE];
        System.arraycopy(message, 0, padded, 0, message.length);
        padded[message.length] ^= domainPadding;
        padded[padded.length - 1] ^= (byte) 0x80;
        long[] state = new long[25];
        for (int block = 0; block < blocks; block++) {
            for (int lane = 0; lane < RATE / 8; lane++) {
                state[lane] ^= littleEndianLong(padded, block * RATE + lane * 8);
            }
            permute(state);
        }
        byte[] out = new byte[32];
        for (int i = 0; i < out.length; i++) out[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
        return out;
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long roundConstant : ROUND_CONSTANTS) {
            for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20]; // theta
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
            }
            for (int x = 0; x < 5; x++) { // rho and pi
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            for (int y = 0; y < 25; y += 5) { // chi
                for (int x = 0; x < 5; x++) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
            }
            a[0] ^= roundConstant; // iota
        }
    }

    private static long littleEndianLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) value = value << 8 | (bytes[offset + i] & 0xff);
        return value;
    }
}
