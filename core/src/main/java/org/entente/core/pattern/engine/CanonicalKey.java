package org.entente.core.pattern.engine;

import java.nio.charset.StandardCharsets;
import org.entente.core.observable.ObservableKind;

/**
 * The first hash ({@link KeyHash#SEED_A}) of the key of an observed value that is already canonical: the value-stream
 * path of {@link IndicatorEngine#matchValue}, where checking the value costs as much as the rest of a miss. The answer
 * is exactly {@code KeyHash.text(SEED_A, pathId, STRING, value)} when {@link ObservablePaths#isCanonical} holds (0 as
 * 1, the way {@link KeyTable} stores it), and 0 otherwise ("ask the normaliser"); {@code CanonicalShortcutProperties}
 * checks both.
 *
 * <p>Domains and URLs are copied out as bytes once ({@link String#getBytes}, a bulk copy; cheaper than a walk
 * through {@link String#charAt}), then checked and hashed eight characters per word: each word is tested byte by byte
 * within it (SWAR) for characters outside the allowed set and for pairs that may make the text non-canonical (a dot
 * after a dot or a slash, a slash after a dot: empty labels, a leading dot, dot segments), without a branch per
 * character. Text that passes is canonical; text that does not (also a long name or label, or {@code /.} in a path,
 * both canonical at times) goes through the exact check, which is rare in a value stream and cheap beside the
 * normaliser that such text usually needs next.
 */
final class CanonicalKey {
    private static final long ONES = 0x0101010101010101L;
    /** The high bit of each byte of a word. */
    private static final long HIGH = 0x8080808080808080L;
    /** The high bit of a word's first byte: "the character before this word is a dot". */
    private static final long FIRST_LANE = 0x80L;

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
        byte[] text = latin1(value);
        if (text == null) return 0;
        long h = KeyHash.start(KeyHash.SEED_A, pathId, KeyHash.STRING);
        long high = 0;
        long bad = 0;
        long pairs = 0;
        long dotBefore = FIRST_LANE; // a dot may not come first
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = KeyHash.word(text, i);
            h = KeyHash.step(h, w);
            high |= w;
            bad |= ~host(w);
            long dots = in(w, '.', '.');
            pairs |= dots & (dots << 8 | dotBefore);
            dotBefore = dots >>> 56;
        }
        long tail = KeyHash.tail(text, n);
        if (i < n) {
            high |= tail;
            bad |= ~host(tail) & -1L >>> 64 - 8 * (n - i);
            long dots = in(tail, '.', '.');
            pairs |= dots & (dots << 8 | dotBefore);
        }
        // Plain: all ASCII, no bad character, no pair of dots or leading dot, not ending in a dot.
        if (((high | bad) & HIGH | pairs) != 0 || text[n - 1] == '.') return 0;
        return KeyTable.stored(KeyHash.end(h, tail, n));
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
        int n = value.length();
        byte[] text = latin1(value);
        if (text == null) return 0;
        // The whole text: the hash, and pairs (the scheme holds no dot, and "//" is no pair).
        long h = KeyHash.start(KeyHash.SEED_A, pathId, KeyHash.STRING);
        long high = 0;
        long pairs = 0;
        long dotBefore = 0;
        long slashBefore = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = KeyHash.word(text, i);
            h = KeyHash.step(h, w);
            high |= w;
            long dots = in(w, '.', '.');
            long slashes = in(w, '/', '/');
            long dotsBefore = dots << 8 | dotBefore;
            pairs |= dots & (dotsBefore | slashes << 8 | slashBefore) | slashes & dotsBefore;
            dotBefore = dots >>> 56;
            slashBefore = slashes >>> 56;
        }
        long tail = KeyHash.tail(text, n);
        if (i < n) {
            high |= tail;
            long dots = in(tail, '.', '.');
            long slashes = in(tail, '/', '/');
            long dotsBefore = dots << 8 | dotBefore;
            pairs |= dots & (dotsBefore | slashes << 8 | slashBefore) | slashes & dotsBefore;
        }
        // The host and the path, each by words ending at its end at the latest (the last may overlap the one before,
        // or reach back before the region, whose bytes are then left out): both start at 7 or later.
        long bad = 0;
        long letters = 0;
        for (int at = hostStart; at < pathStart; at += 8) {
            int from = Math.min(at, pathStart - 8);
            long w = KeyHash.word(text, from);
            long lanes = HIGH << 8 * Math.max(0, hostStart - from);
            bad |= ~host(w) & lanes;
            letters |= (in(w, 'a', 'z') | in(w, '-', '-') | in(w, '_', '_')) & lanes;
        }
        for (int at = pathStart; at < n; at += 8) {
            int from = Math.min(at, n - 8);
            bad |= ~path(KeyHash.word(text, from)) & HIGH << 8 * Math.max(0, pathStart - from);
        }
        // A bad character, or a host of digits and dots only, is never canonical. A dot after a dot or a slash, or a
        // slash after a dot (an empty label, a leading or trailing dot of the host, dot segments, and rarely a
        // canonical name such as "/.well-known" or ".." inside a segment): those are checked exactly.
        if (((high | bad) & HIGH) != 0 || letters == 0) return 0;
        if (pairs != 0) return exact(ObservableKind.URL, pathId, value);
        return KeyTable.stored(KeyHash.end(h, tail, n));
    }

    /**
     * The first hash of an IPv4 value's text when it is made of digits and dots only, else 0. Such text is either a
     * canonical dotted quad or text the normaliser refuses (a leading zero, a part above 255, not four parts: {@code
     * Ipv4Addresses}; it strips nothing from it and adds nothing to it), and the engine keys a /32 block by its
     * canonical text and a refused value by its text as written, both as {@link KeyHash#STRING}: so the key of such
     * text, as it stands, is the one key it can hit, without reading the quad. Anything else (a {@code /prefix},
     * spaces, letters) goes to the normaliser.
     */
    static long ipv4(int pathId, String value) {
        int n = value.length();
        if (n == 0) return 0;
        byte[] text = latin1(value);
        if (text == null) return 0;
        long h = KeyHash.start(KeyHash.SEED_A, pathId, KeyHash.STRING);
        long bad = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = KeyHash.word(text, i);
            h = KeyHash.step(h, w);
            bad |= ~quad(w) | w;
        }
        long tail = KeyHash.tail(text, n);
        if (i < n) bad |= (~quad(tail) | tail) & -1L >>> 64 - 8 * (n - i);
        if ((bad & HIGH) != 0) return 0;
        return KeyTable.stored(KeyHash.end(h, tail, n));
    }

    /** The high bit of each byte of {@code w} that is a digit or a dot (for bytes below 128). */
    private static long quad(long w) {
        return in(w, '.', '.') | in(w, '0', '9');
    }

    /** The high bit of each byte of {@code w} that is a domain label character: [a-z0-9_-] or a dot. */
    private static long host(long w) {
        return in(w, '-', '.') | in(w, '0', '9') | in(w, '_', '_') | in(w, 'a', 'z');
    }

    /** The high bit of each byte of {@code w} that may stand in a canonical URL path: unreserved, or a slash. */
    private static long path(long w) {
        return in(w, '-', '9') | in(w, 'A', 'Z') | in(w, '_', '_') | in(w, 'a', 'z') | in(w, '~', '~');
    }

    /**
     * The high bit of each byte of {@code w} whose value lies in {@code [lo, hi]}, for bytes below 128 (SWAR: no sum
     * carries into the next byte, so each byte is compared on its own; text with a byte from 128 up is refused
     * apart, so its answer here is never read).
     */
    private static long in(long w, int lo, int hi) {
        return (w + ONES * (128 - lo)) & ~(w + ONES * (127 - hi)) & HIGH;
    }

    /**
     * The characters of {@code value} as bytes, or null when some character is above 255 and two of them became one
     * {@code '?'} (a surrogate pair): such text is never canonical, and its positions would no longer agree. Any
     * other character above 255 becomes {@code '?'}, which is bad in a domain and in a URL.
     */
    private static byte[] latin1(String value) {
        byte[] text = value.getBytes(StandardCharsets.ISO_8859_1);
        return text.length == value.length() ? text : null;
    }

    /** The first hash when the text is canonical by the exact (character by character) rule, else 0. */
    private static long exact(ObservableKind kind, int pathId, String value) {
        if (!ObservablePaths.isCanonical(kind, value)) return 0;
        return KeyTable.stored(KeyHash.text(KeyHash.SEED_A, pathId, KeyHash.STRING, value));
    }
}
