package org.entente.core.pattern.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.Normaliser;
import org.entente.core.observable.ObservableKind;

/** The engine skips the normaliser for text it knows to be canonical; that must never change a key. */
@Label("The engine's canonical-form shortcut agrees with the normaliser")
class CanonicalShortcutProperties {

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
    @Label("the one-walk key is the key of the text exactly when the text is taken as canonical")
    void oneWalkKeyAgreesWithCheckingThenHashing(@ForAll("observables") Object[] kindAndText) {
        ObservableKind kind = (ObservableKind) kindAndText[0];
        String text = (String) kindAndText[1];
        long oneWalk = CanonicalKey.first(kind, 7, text);
        if (ObservablePaths.isCanonical(kind, text)) {
            long key = KeyHash.text(KeyHash.SEED_A, 7, KeyHash.STRING, text);
            assertThat(oneWalk).isEqualTo(key == 0 ? 1 : key);
        } else {
            assertThat(oneWalk).isZero();
        }
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
