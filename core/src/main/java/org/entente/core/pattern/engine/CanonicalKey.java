package org.entente.core.pattern.engine;

import org.entente.core.observable.ObservableKind;

/**
 * The first hash ({@link KeyHash#SEED_A}) of the text key of an observed domain or URL, computed in the same walk
 * over the value that checks the value is canonical: the value-stream path of {@link IndicatorEngine#matchValue},
 * where a second walk (check, then hash) costs as much as the rest of a miss. The answer is exactly
 * {@code KeyHash.text(SEED_A, pathId, STRING, value)} when {@link ObservablePaths#isCanonical} holds (0 as 1,
 * the way {@link KeyTable} stores it), and 0 otherwise ("ask the normaliser"); {@code CanonicalShortcutProperties}
 * checks both.
 */
final class CanonicalKey {
    /** Per ASCII character: bit 1 a domain label character, bit 2 an unreserved path character (RFC 3986 2.3). */
    private static final byte[] CLASS = new byte[128];
    private static final int LABEL = 1;
    private static final int UNRESERVED = 2;

    static {
        for (char c = 'a'; c <= 'z'; c++) CLASS[c] = LABEL | UNRESERVED;
        for (char c = '0'; c <= '9'; c++) CLASS[c] = LABEL | UNRESERVED;
        for (char c = 'A'; c <= 'Z'; c++) CLASS[c] = UNRESERVED;
        CLASS['-'] = LABEL | UNRESERVED;
        CLASS['_'] = LABEL | UNRESERVED;
        CLASS['.'] = UNRESERVED;
        CLASS['~'] = UNRESERVED;
    }

    private CanonicalKey() {}

    /** The first hash of {@code value}'s key on the path, or 0 when it may not be canonical. */
    static long first(ObservableKind kind, int pathId, String value) {
        if (kind == ObservableKind.DOMAIN_NAME) return domain(pathId, value);
        if (kind == ObservableKind.URL) return url(pathId, value);
        if (!ObservablePaths.isCanonical(kind, value)) return 0;
        return KeyTable.stored(KeyHash.text(KeyHash.SEED_A, pathId, KeyHash.STRING, value));
    }

    /** {@link ObservablePaths#isCanonical} for a domain (labels of [a-z0-9_-], 1 to 63 long, 253 in all), hashing as it goes. */
    static long domain(int pathId, String value) {
        int n = value.length();
        if (n == 0 || n > 253) return 0;
        long h = KeyHash.start(KeyHash.SEED_A, pathId, KeyHash.STRING);
        long word = 0;
        int label = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if ((label = label(c, label)) < 0) return 0;
            word |= (long) c << (i << 4); // shifts by (i % 4) * 16: Java masks a long's shift to 6 bits
            if ((i & 3) == 3) {
                h = KeyHash.step(h, word);
                word = 0;
            }
        }
        if (label == 0) return 0;
        return KeyTable.stored(KeyHash.end(h, word, n));
    }

    /**
     * {@link ObservablePaths#isCanonical} for a URL ({@code http://} or {@code https://}, a plain domain host that
     * is not all digits and dots, a non-empty path of unreserved characters and slashes without dot segments),
     * hashing as it goes.
     */
    static long url(int pathId, String value) {
        int hostStart = value.startsWith("http://") ? 7 : value.startsWith("https://") ? 8 : -1;
        if (hostStart < 0) return 0;
        int n = value.length();
        long h = KeyHash.start(KeyHash.SEED_A, pathId, KeyHash.STRING);
        long word = 0;
        int label = 0;
        boolean digitsAndDots = true;
        int pathStart = -1;
        int segment = 0; // length of the current path segment, or -1 once it holds more than dots
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (i < hostStart) {
                // the scheme, already checked
            } else if (pathStart < 0) {
                if (c == '/') {
                    if (label == 0 || digitsAndDots || i - hostStart > 253) return 0;
                    pathStart = i;
                } else if ((label = label(c, label)) < 0) {
                    return 0;
                } else {
                    digitsAndDots &= c >= '0' && c <= '9' || c == '.';
                }
            } else if (c == '/') {
                if (segment == 1 || segment == 2) return 0; // "." or ".."
                segment = 0;
            } else if (c < 128 && (CLASS[c] & UNRESERVED) != 0) {
                if (segment >= 0) segment = c == '.' ? segment + 1 : -1;
            } else {
                return 0;
            }
            word |= (long) c << (i << 4); // shifts by (i % 4) * 16: Java masks a long's shift to 6 bits
            if ((i & 3) == 3) {
                h = KeyHash.step(h, word);
                word = 0;
            }
        }
        if (pathStart < 0 || segment == 1 || segment == 2) return 0;
        return KeyTable.stored(KeyHash.end(h, word, n));
    }

    /** The length of the current label after {@code c} (0 after a dot), or -1 when {@code c} may not follow. */
    private static int label(char c, int label) {
        if (c == '.') return label == 0 ? -1 : 0;
        return c < 128 && (CLASS[c] & LABEL) != 0 && label < 63 ? label + 1 : -1;
    }
}
