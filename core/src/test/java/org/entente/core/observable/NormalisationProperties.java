package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.entente.core.stix.StixObject;

/** Normalisation is idempotent and ignores the variations its rules say it ignores. */
class NormalisationProperties {
    private final Normaliser normaliser = Normaliser.standard().withCardKey(TestKeys.COMMUNITY);

    @Property
    void domainNormalisationIsIdempotentAndIgnoresCaseAndOneTrailingDot(@ForAll("domains") String domain, @ForAll boolean upper, @ForAll boolean dot) {
        String once = normalised(ObservableKind.DOMAIN_NAME, domain);
        assertThat(normalised(ObservableKind.DOMAIN_NAME, once)).isEqualTo(once);
        String variant = " " + (upper ? domain.toUpperCase(Locale.ROOT) : domain) + (dot ? "." : "") + " ";
        assertThat(normalised(ObservableKind.DOMAIN_NAME, variant)).isEqualTo(once);
    }

    @Property
    void urlNormalisationIsIdempotent(@ForAll("urls") String url) {
        String once = normalised(ObservableKind.URL, url);
        assertThat(normalised(ObservableKind.URL, once)).isEqualTo(once);
    }

    @Property
    void urlSchemeAndHostCaseDoNotMatter(@ForAll("domains") String host, @ForAll("paths") String path) {
        String lower = normalised(ObservableKind.URL, "http://" + host + path);
        assertThat(normalised(ObservableKind.URL, "HTTP://" + host.toUpperCase(Locale.ROOT) + ":80" + path)).isEqualTo(lower);
    }

    @Property
    void ipv4NormalisationIsIdempotentAndClearsHostBits(@ForAll int address, @ForAll @IntRange(min = 0, max = 32) int prefix) {
        String cidr = Ipv4Addresses.format(address) + "/" + prefix;
        String once = normalised(ObservableKind.IPV4, cidr);
        assertThat(normalised(ObservableKind.IPV4, once)).isEqualTo(once);
        if (prefix < 32) {
            int network = Ipv4Addresses.parse(once, once.substring(0, once.indexOf('/')));
            assertThat(prefix == 0 ? network : network << prefix).isZero();
        }
    }

    @Property
    void ipv6TextFormsOfOneAddressNormaliseAlike(@ForAll("ipv6Groups") int[] groups) {
        StringBuilder full = new StringBuilder();
        for (int group : groups) full.append(full.isEmpty() ? "" : ":").append(String.format("%04X", group));
        String canonical = normalised(ObservableKind.IPV6, full.toString());
        assertThat(normalised(ObservableKind.IPV6, canonical)).isEqualTo(canonical);
        assertThat(Ipv6Addresses.parse(canonical, canonical)).containsExactly(groups);
        assertThat(canonical).isEqualTo(canonical.toLowerCase(Locale.ROOT)).doesNotContain(":::");
    }

    @Property
    void emailNormalisationIsIdempotentAndIgnoresCase(@ForAll("localParts") String local, @ForAll("domains") String domain) {
        String address = local + "@" + domain;
        String once = normalised(ObservableKind.EMAIL_ADDR, address);
        assertThat(normalised(ObservableKind.EMAIL_ADDR, once)).isEqualTo(once);
        assertThat(normalised(ObservableKind.EMAIL_ADDR, "\"Someone\" <" + address.toUpperCase(Locale.ROOT) + ">")).isEqualTo(once);
    }

    @Property
    void hexHashNormalisationIsIdempotentAndIgnoresCase(@ForAll @Size(32) List<@IntRange(min = 0, max = 255) Integer> bytes) {
        byte[] digest = new byte[32];
        for (int i = 0; i < 32; i++) digest[i] = (byte) (int) bytes.get(i);
        String hex = HexFormat.of().withUpperCase().formatHex(digest);
        ObservableKind sha256 = ObservableKind.fileHash(HashAlgorithm.SHA_256);
        String once = normalised(sha256, hex);
        assertThat(once).isEqualTo(hex.toLowerCase(Locale.ROOT));
        assertThat(normalised(sha256, once)).isEqualTo(once);
    }

    @Property
    void ibansNormaliseAlikeWhateverTheirSpacingAndCase(@ForAll("germanIbans") String iban, @ForAll boolean lower) {
        String printed = iban.replaceAll("(.{4})", "$1 ").strip();
        String once = normalised(ObservableKind.BANK_ACCOUNT, lower ? printed.toLowerCase(Locale.ROOT) : printed);
        assertThat(once).isEqualTo(iban);
        assertThat(normalised(ObservableKind.BANK_ACCOUNT, once)).isEqualTo(once);
    }

    @Property
    void changingOneIbanDigitBreaksTheChecksum(@ForAll("germanIbans") String iban, @ForAll @IntRange(min = 4, max = 21) int position,
                                               @ForAll @IntRange(min = 1, max = 9) int delta) {
        char digit = iban.charAt(position);
        String changed = iban.substring(0, position) + (char) ('0' + (digit - '0' + delta) % 10) + iban.substring(position + 1);
        assertThatThrownBy(() -> normalised(ObservableKind.BANK_ACCOUNT, changed)).isInstanceOf(InvalidObservableException.class);
    }

    @Property
    void paymentCardObservablesNeverContainTheCardNumber(@ForAll("cardNumbers") String number) {
        PaymentCard card = normaliser.blindCard(number);
        Observable observable = normaliser.normalise(ObservableKind.PAYMENT_CARD, number);
        StixObject sco = FraudScos.paymentCard(card);
        assertThat(observable).isEqualTo(card.observable());
        assertThat(normaliser.normalise(ObservableKind.PAYMENT_CARD, observable.value())).isEqualTo(observable);
        for (String text : List.of(observable.toString(), card.toString(), sco.properties().toString())) {
            assertThat(text).doesNotContain(number).doesNotContain(number.substring(0, number.length() - 4));
        }
    }

    @Property
    void aRejectedCardNumberIsNeverRepeatedInTheError(@ForAll("cardNumbers") String number, @ForAll @IntRange(min = 1, max = 9) int delta) {
        char last = number.charAt(number.length() - 1);
        String wrongCheckDigit = number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + delta) % 10);
        assertThatThrownBy(() -> normaliser.blindCard(wrongCheckDigit))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageNotContaining(wrongCheckDigit.substring(0, wrongCheckDigit.length() - 4));
    }

    @Property
    void phoneNumbersInE164AreTheirOwnNormalForm(@ForAll("swissNumbers") String national) {
        Normaliser swiss = Normaliser.standard().withDefaultPhoneRegion("CH");
        String once = swiss.normalise(ObservableKind.PHONE_NUMBER, national).value();
        assertThat(Observables.normalise(ObservableKind.PHONE_NUMBER, once).value()).isEqualTo(once);
    }

    @Property
    void eip55ChecksummedAddressesAreAcceptedAndLowercased(@ForAll @Size(20) List<@IntRange(min = 0, max = 255) Integer> bytes) {
        byte[] address = new byte[20];
        for (int i = 0; i < 20; i++) address[i] = (byte) (int) bytes.get(i);
        String lower = HexFormat.of().formatHex(address);
        String checksummed = "0x" + CryptoWallets.eip55(lower);
        String once = normalised(ObservableKind.CRYPTOCURRENCY_WALLET, checksummed);
        assertThat(once).isEqualTo("0x" + lower);
        assertThat(normalised(ObservableKind.CRYPTOCURRENCY_WALLET, once)).isEqualTo(once);
    }

    @Property
    void theKeccakPermutationAgreesWithTheJdksSha3(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 255) Integer> bytes) throws Exception {
        byte[] message = new byte[bytes.size()];
        for (int i = 0; i < message.length; i++) message[i] = (byte) (int) bytes.get(i);
        assertThat(Keccak256.digest(message, (byte) 0x06)).isEqualTo(MessageDigest.getInstance("SHA3-256").digest(message));
    }

    private String normalised(ObservableKind kind, String raw) {
        return normaliser.normalise(kind, raw).value();
    }

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> unicodeLabel = Arbitraries.strings().withChars("abcdeéüßöçñ").ofMinLength(1).ofMaxLength(10);
        return Arbitraries.oneOf(label, unicodeLabel).list().ofMinSize(1).ofMaxSize(4)
                .map(labels -> String.join(".", labels) + ".example");
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019-._~!$&'()*+,;=:@").ofMaxLength(6),
                Arbitraries.of(".", "..", "%7e", "%7E", "%2f", "%2F", "%41", "%e2%82%ac", "a b", "é", "%", "%zz"));
        return segment.list().ofMaxSize(5).map(segments -> "/" + String.join("/", segments));
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http", "HTTPS", "ftp", "Ws", "git+ssh");
        Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":21", ":8080", ":");
        Arbitrary<String> query = Arbitraries.of("", "?", "?a=1&b=%7e", "?q=a b", "?x=%2f%2F");
        Arbitrary<String> fragment = Arbitraries.of("", "#", "#frag");
        return Combinators.combine(scheme, domains(), port, paths(), query, fragment)
                .as((s, h, p, path, q, f) -> s + "://" + h + p + path + q + f);
    }

    @Provide
    Arbitrary<int[]> ipv6Groups() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0xffff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xffff)));
        return group.list().ofSize(8).map(list -> list.stream().mapToInt(Integer::intValue).toArray());
    }

    @Provide
    Arbitrary<String> localParts() {
        return Arbitraries.strings().withChars("abcXYZ0189.-_+").ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> germanIbans() {
        return Arbitraries.strings().numeric().ofLength(18).map(bban -> {
            int check = 98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue(); // D=13, E=14
            return "DE" + String.format("%02d", check) + bban;
        });
    }

    @Provide
    Arbitrary<String> cardNumbers() {
        return Arbitraries.integers().between(12, 19).flatMap(length -> Arbitraries.strings().numeric().ofLength(length - 1)
                .map(body -> body + luhnDigit(body)));
    }

    @Provide
    Arbitrary<String> swissNumbers() {
        return Arbitraries.strings().numeric().ofLength(7).map(subscriber -> "044 " + subscriber);
    }

    private static int luhnDigit(String body) {
        for (int digit = 0; digit <= 9; digit++) if (PaymentCards.luhnValid(body + digit)) return digit;
        throw new AssertionError("some check digit always fits");
    }
}
