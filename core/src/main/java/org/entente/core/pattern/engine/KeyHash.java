package org.entente.core.pattern.engine;

/**
 * The two independent 64-bit hashes that stand for one index key. The first places the key in {@link KeyTable};
 * both together identify it, so the index keeps no key text: two different keys are confused only when both
 * hashes collide, about once in 2^128 probes per stored key, far below any other error rate in the system.
 * Keys are never adversarial in a way that matters here: a collision can only add a candidate, and candidates
 * of patterns that are not decided by their key are confirmed by the full matcher.
 *
 * <p>Strings are hashed four UTF-16 units per step with a multiply-rotate mix and finished with the
 * SplitMix64/MurmurHash3 finaliser, which is enough for table placement and needs no library.
 */
final class KeyHash {
    static final long SEED_A = 0x9E3779B97F4A7C15L;
    static final long SEED_B = 0xC2B2AE3D27D4EB4FL;
    static final int STRING = 1;
    static final int NUMBER = 2;
    static final int NETWORK = 3;

    private KeyHash() {}

    /** A text key: the path's id, what kind of value (string or number), the value's text. */
    static long text(long seed, int pathId, int tag, String value) {
        long h = start(seed, pathId, tag);
        int n = value.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long word = value.charAt(i) | (long) value.charAt(i + 1) << 16
                    | (long) value.charAt(i + 2) << 32 | (long) value.charAt(i + 3) << 48;
            h = step(h, word);
        }
        long tail = 0;
        for (int shift = 0; i < n; i++, shift += 16) tail |= (long) value.charAt(i) << shift;
        return end(h, tail, n);
    }

    /** The state of {@link #text} before its first character; {@link CanonicalKey} hashes in the same steps. */
    static long start(long seed, int pathId, int tag) {
        return seed ^ ((long) pathId << 32 | tag) * 0xFF51AFD7ED558CCDL;
    }

    /** The hash of a text of {@code n} units after its whole words, given the 0 to 3 units left in {@code tail}. */
    static long end(long h, long tail, int n) {
        return finish(step(h, tail ^ (long) n << 58) ^ n);
    }

    /**
     * A network key: the path's id, the family and prefix length ({@code code}: the length, plus 256 for IPv6) and
     * the address with its host bits cleared.
     */
    static long network(long seed, int pathId, int code, long high, long low) {
        long h = seed ^ ((long) pathId << 32 | NETWORK << 12 | code) * 0xFF51AFD7ED558CCDL;
        h = step(h, high);
        h = step(h, low);
        return finish(h);
    }

    /** Mixes one word (four UTF-16 units, the first in the low bits) into the state. */
    static long step(long h, long word) {
        word *= 0x87C37B91114253D5L;
        word = Long.rotateLeft(word, 31) * 0x4CF5AD432745937FL;
        h ^= word;
        return Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ h >>> 33;
    }
}
