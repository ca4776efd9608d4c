package org.entente.core.pattern.engine;

import java.nio.charset.StandardCharsets;
import org.entente.core.observable.ObservableKind;

/**
 * The first hash ({@link KeyHash#SEED_A}) of the key of an observed value, read from the value as written when that
 * is certainly its key: the value-stream path of {@link IndicatorEngine#matchValue}, where checking the value costs
 * as much as the rest of a miss. The answer is exactly {@code KeyHash.text(SEED_A, pathId, STRING, key)} for the key
 * the full path uses ({@link ObservablePaths#canonical}: the normaliser's text, or the text as written when the
 * normaliser refuses it), 0 as 1 the way {@link KeyTable} stores it; or 0 ("ask the normaliser").
 * {@code CanonicalShortcutProperties} checks this on random text of every character class.
 *
 * <p>Since refused text is its own key, the text as written is the key unless the normaliser would accept it and
 * change it; so the checks here exclude what {@code DomainNames} and {@code Urls} change (derived from their code,
 * below), not what they refuse (empty labels, long names, a character a host may not hold: such text is keyed as
 * it stands either way).
 *
 * <p>The value is copied out as bytes once ({@link String#getBytes}, a bulk copy; cheaper than a walk through
 * {@link String#charAt}), then checked and hashed eight characters per word: each word is tested byte by byte within
 * it (SWAR) without a branch per character. A character above 255 becomes {@code '?'} in the copy (a surrogate pair
 * becomes one, caught by the length), which every check here sends to the normaliser.
 */
final class CanonicalKey {
    private static final long ONES = 0x0101010101010101L;
    /** The high bit of each byte of a word. */
    private static final long HIGH = 0x8080808080808080L;
    /** {@code "http://"} and {@code "https://"} as the bytes of a word, the first in the low bits. */
    private static final long HTTP = 0x002F2F3A70747468L;
    private static final long HTTPS = 0x2F2F3A7370747468L;

    private CanonicalKey() {}

    /** The first hash of {@code value}'s key on the path, or 0 when the normaliser may change it. */
    static long first(ObservableKind kind, int pathId, String value) {
        if (kind == ObservableKind.DOMAIN_NAME) return domain(pathId, value);
        if (kind == ObservableKind.URL) return url(pathId, value);
        return exact(kind, pathId, value);
    }

    /**
     * A domain name is its own key when all its characters lie in {@code [!-~]} and DEL (U+0021 to U+007F) but not
     * in {@code [A-Z]} or {@code '?'}, and it does not end in a dot. {@code DomainNames.normalise} changes a name it
     * accepts only by stripping white space at the ends (all of it U+0020 or below in ASCII), lowercasing ({@code
     * [A-Z]}, and characters from U+0080 up), mapping the ideographic full stops and applying IDNA (characters from
     * U+0080 up), and dropping one trailing dot; anything else it returns as written or refuses. ({@code '?'}: a
     * character above 255 in the copy.)
     */
    static long domain(int pathId, String value) {
        int n = value.length();
        if (n == 0) return 0;
        byte[] text = latin1(value);
        if (text == null) return 0;
        long h = KeyHash.start(KeyHash.SEED_A, pathId, KeyHash.STRING);
        long changed = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = KeyHash.word(text, i);
            h = KeyHash.step(h, w);
            changed |= domainChanges(w);
        }
        long tail = KeyHash.tail(text, n);
        if (i < n) changed |= domainChanges(tail) & lanes(n - i);
        if ((changed & HIGH) != 0 || text[n - 1] == '.') return 0;
        return KeyTable.stored(KeyHash.end(h, tail, n));
    }

    /**
     * A URL is its own key when it starts with {@code http://} or {@code https://}, holds a slash after that (the
     * end of the authority: so the path is not empty, which the normaliser would write {@code /}), holds no dot
     * beside a slash (a dot segment, or a host ending in a dot: such text takes the exact check), and either all its
     * characters after the scheme lie in {@code [-./0-9a-z]} (the common case, in the same walk as the hash) or, in a
     * second walk, ({@link #urlKeptAsWritten}) in a wider set. {@code Urls.normalise} changes a URL it accepts only
     * by: stripping white space at the ends; lowercasing the scheme; dropping the fragment ({@code #}); the
     * authority's port ({@code :}), IPv6 literal ({@code [}) and userinfo ({@code @}: percent-encoded as a path is);
     * the host by the domain rules (above) after percent-decoding, or as a dotted quad (which it only keeps or
     * refuses); percent-encoding in the path and query ({@code %}, and every character but letters, digits and
     * {@code -._~:/?#[]@!$&'()*+,;=}); removing dot segments; and adding {@code /} for an empty path.
     */
    static long url(int pathId, String value) {
        int n = value.length();
        if (n < 9) return 0; // "http://" and at least a host character and a slash
        byte[] text = latin1(value);
        if (text == null) return 0;
        long w = KeyHash.word(text, 0);
        int hostStart;
        long lanes; // the lanes of the first word from the host on
        if ((w & 0x00FFFFFFFFFFFFFFL) == HTTP) {
            hostStart = 7;
            lanes = HIGH << 56;
        } else if (w == HTTPS) {
            hostStart = 8;
            lanes = 0;
        } else {
            return 0;
        }
        long h = KeyHash.step(KeyHash.start(KeyHash.SEED_A, pathId, KeyHash.STRING), w);
        long other = ~plainUrl(w) & lanes;
        long dotsAndSlashes = in(w, '.', '/') & lanes;
        long slashes = dotsAndSlashes & w << 7; // '/' is '.' with the low bit set
        long pairs = 0;
        long before = dotsAndSlashes >>> 56;
        int i = 8;
        for (; i + 8 <= n; i += 8) {
            w = KeyHash.word(text, i);
            h = KeyHash.step(h, w);
            other |= ~plainUrl(w);
            dotsAndSlashes = in(w, '.', '/');
            slashes |= dotsAndSlashes & w << 7;
            pairs |= dotsAndSlashes & (dotsAndSlashes << 8 | before);
            before = dotsAndSlashes >>> 56;
        }
        long tail = KeyHash.tail(text, n);
        if (i < n) {
            other |= ~plainUrl(tail) & lanes(n - i);
            dotsAndSlashes = in(tail, '.', '/');
            slashes |= dotsAndSlashes & tail << 7;
            pairs |= dotsAndSlashes & (dotsAndSlashes << 8 | before);
        }
        if (slashes == 0 || (other & HIGH) != 0 && !urlKeptAsWritten(text, hostStart, value.indexOf('/', hostStart))) {
            return 0;
        }
        // A dot beside a dot or a slash ("//", "..", "/.", "./"): dot segments, a trailing dot of the host, and
        // rarely a canonical name such as "/.well-known" or "a//b", left to the exact check.
        if (pairs != 0) return exact(ObservableKind.URL, pathId, value);
        return KeyTable.stored(KeyHash.end(h, tail, n));
    }

    /**
     * The rest of {@link #url}'s rule, for a URL with some character outside {@code [-./0-9a-z]} after its scheme:
     * every character from the host on lies in {@code [&-9]}, {@code [@-[]}, {@code _}, {@code [a-z]} or {@code ~}
     * (all left as they are by percent-encoding; none is {@code %}, {@code ?}, {@code #} or {@code :}), and none in
     * the authority (before {@code pathStart}, the first slash after the scheme) lies in {@code [@-[]} (upper case,
     * an IPv6 literal; and userinfo, which needs no exclusion here but costs nothing more). Words end at the region's
     * end at the latest (the last may overlap the one before, or reach back before the region, whose bytes are then
     * left out): both regions start at 7 or later.
     */
    private static boolean urlKeptAsWritten(byte[] text, int hostStart, int pathStart) {
        int n = text.length;
        long bad = 0;
        for (int at = hostStart; at < n; at += 8) {
            int from = Math.min(at, n - 8);
            long w = KeyHash.word(text, from);
            bad |= ~urlCharacters(w) & HIGH << 8 * Math.max(0, hostStart - from);
        }
        for (int at = hostStart; at < pathStart; at += 8) {
            int from = Math.min(at, pathStart - 8);
            bad |= in(KeyHash.word(text, from), '@', '[') & HIGH << 8 * Math.max(0, hostStart - from);
        }
        return (bad & HIGH) == 0;
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
        if (i < n) bad |= (~quad(tail) | tail) & lanes(n - i);
        if ((bad & HIGH) != 0) return 0;
        return KeyTable.stored(KeyHash.end(h, tail, n));
    }

    /** The high bit of each byte of {@code w} that is a digit or a dot (for bytes below 128). */
    private static long quad(long w) {
        return in(w, '.', '.') | in(w, '0', '9');
    }

    /**
     * The high bit of each byte of {@code w} that the domain rules may change or that stands for a character above
     * 255: below U+0021, {@code [A-Z]}, {@code '?'}, from 128 up.
     */
    private static long domainChanges(long w) {
        return w | ~(w + ONES * (128 - '!')) | in(w, 'A', 'Z') | in(w, '?', '?');
    }

    /** The high bit of each byte of {@code w} in {@code [-./0-9a-z]}, none from 128 up. */
    private static long plainUrl(long w) {
        return (in(w, '-', '9') | in(w, 'a', 'z')) & ~w;
    }

    /** The high bit of each byte of {@code w} in {@code [&-9]}, {@code [@-[]}, {@code _}, {@code [a-z]}, {@code ~}. */
    private static long urlCharacters(long w) {
        return (in(w, '&', '9') | in(w, '@', '[') | in(w, '_', '_') | in(w, 'a', 'z') | in(w, '~', '~')) & ~w;
    }

    /** The high bits of the first {@code count} (1 to 7) bytes of a word. */
    private static long lanes(int count) {
        return HIGH >>> 64 - 8 * count;
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
