package org.entente.core.pattern.engine;

/**
 * The two independent 64-bit hashes that stand for one index key. The first places the key in {@link KeyTable};
 * both together identify it, so the index keeps no key text: two different keys are confused only when both
 * hashes collide, about once in 2^128 probes per stored key, far below any other error rate in the system.
 * Keys are never adversarial in a way that matters here: a collision can only add a candidate, and candidates
 * of patterns that are not decided by their key are confirmed by the full matcher.
 *
 * <p>Strings are hashed eight Latin-1 characters (or four UTF-16 units) per step with a multiply-rotate mix and finished with the
 * SplitMix64/MurmurHash3 finaliser, which is enough for table placement and needs no library.
 */
final class KeyHash {
    static final long SEED_A = 0x9E3779B97F4A7C15L;
    static final long SEED_B = 0xC2B2AE3D27D4EB4FL;
    static final int STRING = 1;
    static final int NUMBER = 2;
    static final int NETWORK = 3;
    /** Added to the tag of text with a character above 255, hashed by UTF-16 units. */
    private static final int WIDE = 1 << 8;

    private KeyHash() {}

    /**
     * A text key: the path's id, what kind of value (string or number), the value's text. Text whose characters
     * all fit in a byte (all keys of domains, URLs, addresses, hashes) is hashed eight characters a step
     * ({@link #latin1}); other text four UTF-16 units a step, under a tag of its own so that the two never meet.
     */
    static long text(long seed, int pathId, int tag, String value) {
        int all = 0;
        for (int i = 0; i < value.length(); i++) all |= value.charAt(i);
        return all < 256 ? latin1(seed, pathId, tag, value) : wide(seed, pathId, tag, value);
    }

    /**
     * {@link #text} of a value whose characters are all below 256, which the caller knows (the value-stream path has
     * checked that they are ASCII): a step per eight characters, the mixing chain being what a walk waits on.
     */
    static long latin1(long seed, int pathId, int tag, String value) {
        long h = start(seed, pathId, tag);
        int n = value.length();
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long word = value.charAt(i) | (long) value.charAt(i + 1) << 8 | (long) value.charAt(i + 2) << 16
                    | (long) value.charAt(i + 3) << 24 | (long) value.charAt(i + 4) << 32
                    | (long) value.charAt(i + 5) << 40 | (long) value.charAt(i + 6) << 48
                    | (long) value.charAt(i + 7) << 56;
            h = step(h, word);
        }
        long tail = 0;
        for (int shift = 0; i < n; i++, shift += 8) tail |= (long) value.charAt(i) << shift;
        return end(h, tail, n);
    }

    private static long wide(long seed, int pathId, int tag, String value) {
        long h = start(seed, pathId, tag | WIDE);
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

    /** The state of {@link #text} before its first character. */
    static long start(long seed, int pathId, int tag) {
        return seed ^ ((long) pathId << 32 | tag) * 0xFF51AFD7ED558CCDL;
    }

    /** The hash of a text of {@code n} characters after its whole words, given the ones left in {@code tail}. */
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

    /** Mixes one word (eight characters or four UTF-16 units, the first in the low bits) into the state. */
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
