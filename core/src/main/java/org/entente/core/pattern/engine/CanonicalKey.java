package org.entente.core.pattern.engine;

import org.entente.core.observable.ObservableKind;

/**
 * The first hash ({@link KeyHash#SEED_A}) of the key of an observed value that is already canonical: the value-stream
 * path of {@link IndicatorEngine#matchValue}, where checking the value costs as much as the rest of a miss. The answer
 * is exactly {@code KeyHash.text(SEED_A, pathId, STRING, value)} when {@link ObservablePaths#isCanonical} holds (0 as
 * 1, the way {@link KeyTable} stores it), and 0 otherwise ("ask the normaliser"); {@code CanonicalShortcutProperties}
 * checks both.
 *
 * <p>Domains and URLs are checked by a sufficient condition first, without a branch per character: each character's
 * class is looked up in a table and OR-ed into one accumulator, together with a flag for a pair of characters that
 * may make the text non-canonical (a dot after a dot or a slash, a slash after a dot: empty labels, a trailing dot,
 * dot segments). Text that passes is canonical; text that does not (also a long name or label, or {@code /.} in a
 * path, both canonical at times) goes through the exact check, which is rare in a value stream and cheap beside
 * the normaliser that such text usually needs next.
 */
final class CanonicalKey {
    /** A character not allowed where it stands (or any character above ASCII, tested apart). */
    private static final int BAD = 1;
    private static final int DOT = 2;
    private static final int SLASH = 4;
    /** A host character other than a digit or a dot: a host without one would be read as an IPv4 address. */
    private static final int LETTER = 8;
    /** The high half of a class: the classes that may not follow it, shifted left by this much. */
    private static final int FOLLOW = 4;
    /** Classes of a domain label or host character, then (from 128) of a URL path character. */
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) CLASS[c] = BAD;
        for (char c = 'a'; c <= 'z'; c++) CLASS[c] = LETTER;
        for (char c = '0'; c <= '9'; c++) CLASS[c] = 0;
        CLASS['-'] = LETTER;
        CLASS['_'] = LETTER;
        CLASS['.'] = DOT | (DOT | SLASH) << FOLLOW;
        // A path (RFC 3986 section 2.3: unreserved characters, and slashes between segments).
        for (char c = 'a'; c <= 'z'; c++) CLASS[128 + c] = 0;
        for (char c = 'A'; c <= 'Z'; c++) CLASS[128 + c] = 0;
        for (char c = '0'; c <= '9'; c++) CLASS[128 + c] = 0;
        CLASS[128 + '-'] = 0;
        CLASS[128 + '_'] = 0;
        CLASS[128 + '~'] = 0;
        CLASS[128 + '.'] = DOT | (DOT | SLASH) << FOLLOW;
        CLASS[128 + '/'] = SLASH | DOT << FOLLOW;
    }

    private static final int HOST = 0;
    private static final int PATH = 128;
    /** What a text starts after: a dot may not come first. */
    private static final int START = (DOT | SLASH) << FOLLOW;

    private CanonicalKey() {}

    /** The first hash of {@code value}'s key on the path, or 0 when it may not be canonical. */
    static long first(ObservableKind kind, int pathId, String value) {
        if (kind == ObservableKind.DOMAIN_NAME) return domain(pathId, value);
        if (kind == ObservableKind.URL) return url(pathId, value);
        return exact(kind, pathId, value);
    }

    /** {@link ObservablePaths#isCanonical} for a domain (labels of [a-z0-9_-], 1 to 63 long, 253 in all), then the hash. */
    static long domain(int pathId, String value) {
        int n = value.length();
        // Up to 63 characters no label can be too long; longer names are checked exactly.
        if (n == 0 || n > 63) return exact(ObservableKind.DOMAIN_NAME, pathId, value);
        int flags = classes(value, 0, n, HOST, START);
        // Plain: no bad character, no pair of dots, not ending in a dot (what a slash after it would flag).
        if ((flags & (BAD | DOT)) != 0 || value.charAt(n - 1) == '.') return 0;
        return KeyTable.stored(KeyHash.text(KeyHash.SEED_A, pathId, KeyHash.STRING, value));
    }

    /**
     * {@link ObservablePaths#isCanonical} for a URL ({@code http://} or {@code https://}, a plain domain host that
     * is not all digits and dots, a non-empty path of unreserved characters and slashes without dot segments), then
     * the hash.
     */
    static long url(int pathId, String value) {
        int hostStart = value.startsWith("http://") ? 7 : value.startsWith("https://") ? 8 : -1;
        if (hostStart < 0) return 0;
        int pathStart = value.indexOf('/', hostStart);
        if (pathStart < 0) return 0; // no path: the normaliser adds "/"
        int hostLength = pathStart - hostStart;
        if (hostLength == 0 || hostLength > 63) return exact(ObservableKind.URL, pathId, value);
        int host = classes(value, hostStart, pathStart, HOST, START);
        // The host's last class flags a dot before the path's slash; the path flags "/." (dot segments, and rarely
        // a canonical name such as "/.well-known"), ".." and "./" (canonical inside a segment): those are checked
        // exactly. A bad character, or a host of digits and dots only, is never canonical.
        int path = classes(value, pathStart, value.length(), PATH, host);
        int all = host | path;
        if ((all & BAD) != 0 || (host & LETTER) == 0) return 0;
        if ((all & (DOT | SLASH)) != 0) return exact(ObservableKind.URL, pathId, value);
        return KeyTable.stored(KeyHash.text(KeyHash.SEED_A, pathId, KeyHash.STRING, value));
    }

    /**
     * The OR of the classes of {@code value[from, to)} in the table at {@code row}, with {@link #DOT} or
     * {@link #SLASH} set where a character may not follow the one before it; {@code before} is the class before
     * {@code from}. The last character's class is kept in the high bits ({@link #FOLLOW}), so the next region
     * can start from it. Non-ASCII characters are {@link #BAD}.
     */
    private static int classes(String value, int from, int to, int row, int before) {
        int flags = 0;
        int high = 0;
        int previous = before;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            high |= c;
            int cls = CLASS[row | c & 127];
            flags |= cls & (previous >>> FOLLOW | BAD | LETTER);
            previous = cls;
        }
        return flags | (high >>> 7 == 0 ? 0 : BAD) | previous & ~(BAD | DOT | SLASH | LETTER);
    }

    /** The first hash when the text is canonical by the exact (character by character) rule, else 0. */
    private static long exact(ObservableKind kind, int pathId, String value) {
        if (!ObservablePaths.isCanonical(kind, value)) return 0;
        return KeyTable.stored(KeyHash.text(KeyHash.SEED_A, pathId, KeyHash.STRING, value));
    }
}
