package org.entente.core.pattern.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.Normaliser;
import org.entente.core.observable.ObservableKind;

/** The engine skips the normaliser for text whose key it knows without it; that must never change a key. */
@Label("The engine's canonical-form shortcut agrees with the normaliser")
class CanonicalShortcutProperties {
    private static final ObservablePaths PATHS = new ObservablePaths(Normaliser.standard());

    @Property(tries = 2000)
    @Label("text taken as canonical is what the normaliser returns for it")
    void textTakenAsCanonicalIsLeftAsItIsByTheNormaliser(@ForAll("observables") Object[] kindAndText) {
        ObservableKind kind = (ObservableKind) kindAndText[0];
        String text = (String) kindAndText[1];
        if (ObservablePaths.isCanonical(kind, text)) {
            assertThat(Normaliser.standard().normalise(kind, text).value()).isEqualTo(text);
        }
    }

    @Property(tries = 2000)
    @Label("the shortcut's key is the full path's key, and canonical text always takes the shortcut")
    void shortcutKeyIsTheFullPathsKey(@ForAll("observables") Object[] kindAndText) {
        assertShortcutAgrees((ObservableKind) kindAndText[0], (String) kindAndText[1]);
    }

    // Without edge cases: mixed in, the character range's edges (U+0000, U+007F) would stand in most texts, and the
    // mostly plain text that the shortcut accepts, where a wrong key would show, would be rare.
    @Property(tries = 10000, edgeCases = EdgeCasesMode.NONE)
    @Label("the shortcut's key is the full path's key for text of every character class")
    void shortcutKeyIsTheFullPathsKeyForAnyText(@ForAll("anyText") Object[] kindAndText) {
        assertShortcutAgrees((ObservableKind) kindAndText[0], (String) kindAndText[1]);
    }

    /**
     * The shortcut answers 0 (ask the normaliser) or the first hash of the key the full path uses: the normaliser's
     * text, or the text as written when the normaliser refuses it ({@link ObservablePaths#canonical}).
     */
    private static void assertShortcutAgrees(ObservableKind kind, String text) {
        long shortcut = CanonicalKey.first(kind, 7, text);
        if (ObservablePaths.isCanonical(kind, text)) assertThat(shortcut).isNotZero();
        if (shortcut == 0) return;
        String key = PATHS.canonical(kind, text);
        assertThat(shortcut).as("key of %s (full path: %s)", text, key)
                .isEqualTo(KeyTable.stored(KeyHash.text(KeyHash.SEED_A, 7, KeyHash.STRING, key)));
    }

    @Property(tries = 2000)
    @Label("text below 256 hashes from its bytes as from its characters")
    void bytesHashAsTheirText(@ForAll("latin1") String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(KeyHash.latin1(KeyHash.SEED_B, 3, KeyHash.STRING, bytes))
                .isEqualTo(KeyHash.text(KeyHash.SEED_B, 3, KeyHash.STRING, text));
    }

    @Property(tries = 1000)
    @Label("an IPv4 block read directly is the block the normaliser's text stands for")
    void ipv4ReadDirectlyAgreesWithTheNormaliser(@ForAll("ipv4") String text) {
        Network direct = Network.parseIpv4(text);
        if (direct == null) return;
        Network viaNormaliser = Network.parseIpv4(Normaliser.standard().normalise(ObservableKind.IPV4, text).value());
        assertThat(direct).isEqualTo(viaNormaliser);
    }

    @Property(tries = 3000)
    @Label("an IPv4 value of digits and dots is keyed as it stands, and the normaliser keeps it or refuses it")
    void ipv4OfDigitsAndDotsIsKeyedAsItStands(@ForAll("ipv4") String text) {
        long key = CanonicalKey.ipv4(7, text);
        boolean digitsAndDots = !text.isEmpty() && text.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
        if (!digitsAndDots) {
            assertThat(key).isZero();
            return;
        }
        long expected = KeyHash.text(KeyHash.SEED_A, 7, KeyHash.STRING, text);
        assertThat(key).isEqualTo(expected == 0 ? 1 : expected);
        String canonical;
        try {
            canonical = Normaliser.standard().normalise(ObservableKind.IPV4, text).value();
        } catch (IllegalArgumentException refused) {
            assertThat(Network.parseIpv4(text)).isNull();
            return;
        }
        assertThat(canonical).isEqualTo(text);
        assertThat(Network.ipv4Text(Network.parseIpv4(text).low())).isEqualTo(text);
    }

    @Property(tries = 1000)
    @Label("every address's dotted quad is the normaliser's text for it, and is keyed as it stands")
    void everyAddressIsWrittenAsTheNormaliserWritesIt(@ForAll("addresses") long address) {
        String text = Network.ipv4Text(address);
        assertThat(Normaliser.standard().normalise(ObservableKind.IPV4, text).value()).isEqualTo(text);
        assertThat(Network.parseIpv4(text).low()).isEqualTo(address);
        assertThat(CanonicalKey.ipv4(7, text)).isNotZero();
    }

    @Provide
    Arbitrary<String> latin1() {
        return Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMinLength(0).ofMaxLength(40);
    }

    @Provide
    Arbitrary<Long> addresses() {
        return Arbitraries.longs().between(0, 0xFFFFFFFFL).edgeCases(c -> c.add(0L, 0xFFFFFFFFL, 0x0A000001L));
    }

    @Provide
    Arbitrary<Object[]> observables() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcXZ09-_.~/%:").ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> url = Combinators.combine(Arbitraries.of("http://", "https://", "HTTP://", "ftp://", "http:/"), domain,
                        Arbitraries.strings().withChars("abcXZ09-_.~/%?#:@").ofMaxLength(12))
                .as((scheme, host, rest) -> scheme + host + rest);
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABg").ofMinLength(30).ofMaxLength(66);
        // Labels near the 63 limit and names near the 253 limit, and a character outside ASCII.
        Arbitrary<String> longDomain = Arbitraries.integers().between(0, 66).map(n -> "a".repeat(n)).list()
                .ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l));
        Arbitrary<String> longUrl = Combinators.combine(Arbitraries.of("http://", "https://"), longDomain,
                        Arbitraries.strings().withChars("/.aé").ofMaxLength(6))
                .as((scheme, host, rest) -> scheme + host + "/" + rest);
        // Mostly canonical text: the fast check's pairs of dots and slashes, digits-only hosts, dot segments.
        // Up to 40 characters, so that every way text falls into eight-character words is met.
        Arbitrary<String> plainDomain = Arbitraries.strings().withChars("ab09-_.").ofMinLength(0).ofMaxLength(24);
        Arbitrary<String> plainUrl = Combinators.combine(Arbitraries.of("http://", "https://"), plainDomain,
                        Arbitraries.strings().withChars("aZ0~._-/").ofMaxLength(16))
                .as((scheme, host, path) -> scheme + host + "/" + path);
        // One character from 128 up put anywhere: one whose low byte is a letter or a dot, one of a surrogate pair.
        Arbitrary<String> wideChar = Arbitraries.of("\u0161", "\u2E2E", "\u2F2F", "\uD83D\uDE00", "\u00E9");
        Arbitrary<Object[]> wide = Combinators.combine(Arbitraries.oneOf(
                                plainDomain.map(d -> new Object[] {ObservableKind.DOMAIN_NAME, d}),
                                plainUrl.map(u -> new Object[] {ObservableKind.URL, u})),
                        wideChar, Arbitraries.integers().between(0, 60))
                .as((kindAndText, c, at) -> {
                    String text = (String) kindAndText[1];
                    int i = Math.min(at, text.length());
                    return new Object[] {kindAndText[0], text.substring(0, i) + c + text.substring(i)};
                });
        return Arbitraries.oneOf(
                wide,
                plainDomain.map(d -> new Object[] {ObservableKind.DOMAIN_NAME, d}),
                plainUrl.map(u -> new Object[] {ObservableKind.URL, u}),
                domain.map(d -> new Object[] {ObservableKind.DOMAIN_NAME, d}),
                longDomain.map(d -> new Object[] {ObservableKind.DOMAIN_NAME, d}),
                longDomain.map(d -> new Object[] {ObservableKind.DOMAIN_NAME, d + "é"}),
                longUrl.map(u -> new Object[] {ObservableKind.URL, u}),
                url.map(u -> new Object[] {ObservableKind.URL, u}),
                hex.map(h -> new Object[] {ObservableKind.fileHash(HashAlgorithm.SHA_256), h}),
                hex.map(h -> new Object[] {ObservableKind.fileHash(HashAlgorithm.MD5), h.substring(0, Math.min(32, h.length()))}));
    }

    /**
     * Domains and URLs made of mostly plain characters with any other now and then: every ASCII character (controls,
     * white space, punctuation, upper case), and characters from 128 up that the normaliser strips, lowercases, maps
     * to a full stop or converts by IDNA, some with a low byte that reads as ASCII, and a surrogate pair; with the
     * parts the normalisers change or refuse (a trailing dot, empty labels, white space at the ends, a port, userinfo,
     * percent-encodings, dot segments, a query, a fragment, an upper-case scheme, no path).
     */
    @Provide
    Arbitrary<Object[]> anyText() {
        Arbitrary<String> label = text(Arbitraries.of('a', 'b', 'z', '0', '9', '-', '_'), 1, 9);
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> domain = Combinators.combine(rarely(" ", ".", "\t", "A", "a.."), name,
                        rarely(".", " ", "..", "\u3002", "\u00A0", "\u2028"))
                .as((before, n, after) -> before + n + after);
        Arbitrary<String> segment = text(Arbitraries.of('a', 'Z', '0', '-', '.', '_', '~'), 0, 7);
        Arbitrary<String> path = segment.list().ofMaxSize(4)
                .map(l -> l.stream().map(p -> "/" + p).collect(Collectors.joining()));
        Arbitrary<String> scheme = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("http://", "https://")),
                Tuple.of(1, Arbitraries.of("HTTP://", "Https://", "http:/", "ftp://", " http://", "http://u@",
                        "https://[::1]")));
        Arbitrary<String> url = Combinators.combine(
                        scheme,
                        domain,
                        rarely(":80", ":8080", ":", "@", ".", "%41"),
                        path,
                        rarely("/", "?", "?a=b", "#f", "%2f", "%41", "/.", "/..", " "))
                .as((start, host, port, p, end) -> start + host + port + p + end);
        return Arbitraries.oneOf(
                domain.map(d -> new Object[] {ObservableKind.DOMAIN_NAME, d}),
                url.map(u -> new Object[] {ObservableKind.URL, u}));
    }

    /** Mostly the empty string, else one of {@code parts}. */
    private static Arbitrary<String> rarely(String... parts) {
        return Arbitraries.frequencyOf(Tuple.of(4 * parts.length, Arbitraries.just("")),
                Tuple.of(parts.length, Arbitraries.of(parts)));
    }

    /** Text of {@code plain} characters with, now and then, any ASCII character or one from 128 up (see above). */
    private static Arbitrary<String> text(Arbitrary<Character> plain, int min, int max) {
        Arbitrary<Character> ascii = Arbitraries.chars().range('\u0000', '\u007F');
        Arbitrary<Character> beyond = Arbitraries.of('\u0080', '\u0085', '\u00A0', '\u00C9', '\u00E9', '\u00FF',
                '\u0130', '\u0131', '\u0161', '\u017F', '\u212A', '\u2028', '\u3000', '\u3002', '\uFF0E', '\uFF61',
                '\u2E2E', '\u2F2F', '\uFF21', '\uD83D');
        return Arbitraries.frequencyOf(Tuple.of(200, plain), Tuple.of(3, ascii), Tuple.of(2, beyond))
                .list().ofMinSize(min).ofMaxSize(max)
                .map(chars -> chars.stream().map(c -> c == '\uD83D' ? "\uD83D\uDE00" : String.valueOf(c))
                        .collect(Collectors.joining()));
    }

    @Provide
    Arbitrary<String> ipv4() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.integers().between(0, 300).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(4));
        Arbitrary<String> quad = part.list().ofMinSize(2).ofMaxSize(5).map(p -> String.join(".", p));
        // Also spaces, a /32, a character from 128 up whose low byte is a digit ('\u0131' is 0x31 below), and texts
        // of digits and dots up to 24 long (every way they fall into eight-character words).
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789./").ofMinLength(0).ofMaxLength(24),
                Arbitraries.strings().withChars("0123456789.").ofMinLength(0).ofMaxLength(24),
                quad, quad, quad.map(q -> q + "/24"), quad.map(q -> q + "/32"), quad.map(q -> q + "x"),
                quad.map(q -> " " + q), quad.map(q -> q + " "), quad.map(q -> "\u0661" + q), quad.map(q -> q + "\u0131"),
                quad.map(q -> q + "\u00B9"));
    }
}
