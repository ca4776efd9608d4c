package org.entente.core.pattern.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The two independent 64-bit hashes that stand for one index key. The first places the key in {@link KeyTable};
 * both together identify it, so the index keeps no key text: two different keys are confused only when both
 * hashes collide, about once in 2^128 probes per stored key, far below any other error rate in the system.
 * Keys are never adversarial in a way that matters here: a collision can only add a candidate, and candidates
 * of patterns that are not decided by their key are confirmed by the full matcher.
 *
 * <p>Strings are hashed eight characters per step (four UTF-16 units when some character is 256 or more) with a
 * multiply-rotate mix and finished with the
 * SplitMix64/MurmurHash3 finaliser, which is enough for table placement and needs no library.
 */
final class KeyHash {
    static final long SEED_A = 0x9E3779B97F4A7C15L;
    static final long SEED_B = 0xC2B2AE3D27D4EB4FL;
    static final int STRING = 1;
    static final int NUMBER = 2;
    static final int NETWORK = 3;
    /** Set in the tag of text hashed as UTF-16 units (some character from 256 up); tags are below it. */
    static final int WIDE = 0x100;

    private KeyHash() {}

    /**
     * A text key: the path's id, what kind of value (string or number), the value's text. Text whose characters are
     * all below 256 (every canonical domain, URL and address, and nearly all other keys) is hashed eight characters
     * per step, one byte each; other text four UTF-16 units per step under the tag with {@link #WIDE} set, so that
     * the two ways of reading characters never hash two different texts alike. Every side (indicators put,
     * values probed, {@link CanonicalKey}) hashes through this function or in its exact steps.
     */
    static long text(long seed, int pathId, int tag, String value) {
        long h = start(seed, pathId, tag);
        int n = value.length();
        int i = 0;
        int high = 0;
        for (; i + 8 <= n; i += 8) {
            int c0 = value.charAt(i), c1 = value.charAt(i + 1), c2 = value.charAt(i + 2), c3 = value.charAt(i + 3);
            int c4 = value.charAt(i + 4), c5 = value.charAt(i + 5), c6 = value.charAt(i + 6), c7 = value.charAt(i + 7);
            high |= c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7;
            h = step(h, bytes(c0, c1, c2, c3, c4, c5, c6, c7));
        }
        long tail = 0;
        for (int shift = 0; i < n; i++, shift += 8) {
            int c = value.charAt(i);
            high |= c;
            tail |= (long) c << shift;
        }
        return high < 256 ? end(h, tail, n) : wide(seed, pathId, tag, value);
    }

    /**
     * {@link #text} of a text whose characters are all below 256, given as its ISO-8859-1 bytes: eight characters
     * per load. {@link CanonicalKey} copies a value's characters out once ({@link String#getBytes}, a bulk copy) and
     * then reads them a word at a time (in the same steps as this), rather than a character at a time through
     * {@link String#charAt}.
     */
    static long latin1(long seed, int pathId, int tag, byte[] text) {
        long h = start(seed, pathId, tag);
        int n = text.length;
        for (int i = 0; i + 8 <= n; i += 8) h = step(h, word(text, i));
        return end(h, tail(text, n), n);
    }

    /** Eight bytes of {@code text} from {@code i}, the first in the low bits. */
    static long word(byte[] text, int i) {
        return (long) WORDS.get(text, i);
    }

    /** The last {@code n % 8} of the first {@code n} bytes of {@code text}, the first in the low bits (0 if none). */
    static long tail(byte[] text, int n) {
        int left = n & 7;
        if (left == 0) return 0;
        if (n >= 8) return word(text, n - 8) >>> (64 - 8 * left); // read back from the end: no byte past it
        long tail = 0;
        for (int i = 0; i < n; i++) tail |= (long) (text[i] & 0xFF) << 8 * i;
        return tail;
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Eight characters below 256 as the bytes of one word, the first in the low bits. */
    static long bytes(int c0, int c1, int c2, int c3, int c4, int c5, int c6, int c7) {
        return (long) (c0 | c1 << 8 | c2 << 16 | c3 << 24) & 0xFFFFFFFFL
                | (long) (c4 | c5 << 8 | c6 << 16 | c7 << 24) << 32;
    }

    /** {@link #text} of text with a character from 256 up: four UTF-16 units per step, under its own tag. */
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

    /** The state of {@link #text} before its first character; {@link CanonicalKey} hashes in the same steps. */
    static long start(long seed, int pathId, int tag) {
        return seed ^ ((long) pathId << 32 | tag) * 0xFF51AFD7ED558CCDL;
    }

    /** The hash of a text of {@code n} characters after its whole words, given the characters left in {@code tail}. */
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
