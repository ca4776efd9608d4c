package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The validator checks identifiers, timestamps and names with hand-written scanners for speed. Their
 * definition used to be regular expressions (and {@link Instant#parse} for timestamps); those definitions
 * live on here only, as the oracle the scanners must agree with on random, mostly almost-valid, text.
 */
class SyntaxScannerProperties {
    // ---- the former definitions ----

    private static final Pattern IDENTIFIER = Pattern.compile(
            "([a-z0-9][a-z0-9-]*[a-z0-9])--([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][a-z0-9_]{2,249}");
    private static final Pattern LOWERCASE_WITH_HYPHENS = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LETTERS_DIGITS_HYPHENS = Pattern.compile("[a-z0-9-]+");

    private static Optional<StixIdentifier> identifierOracle(String text) {
        Matcher m = IDENTIFIER.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new StixIdentifier(m.group(1), UUID.fromString(m.group(2))));
    }

    private static Optional<Instant> timestampOracle(String text) {
        if (!TIMESTAMP.matcher(text).matches()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ---- identifiers ----

    @Property(tries = 10_000)
    void identifierScannerAgreesWithTheRegex(@ForAll("identifierLike") String text) {
        Optional<StixIdentifier> expected = identifierOracle(text);
        assertThat(StixIdentifier.parse(text)).isEqualTo(expected);
        assertThat(StixIdentifier.isIdentifier(text)).isEqualTo(expected.isPresent());
        assertThat(StixIdentifier.typeOf(text)).isEqualTo(expected.map(StixIdentifier::type).orElse(null));
    }

    @Provide
    Arbitrary<String> identifierLike() {
        Arbitrary<String> type = Arbitraries.strings().withChars("ab0-").withChars('A', '_').ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEFg").ofLength(32);
        Arbitrary<Character> version = Arbitraries.of('0', '1', '3', '5', '6', 'a');
        Arbitrary<Character> variant = Arbitraries.of('7', '8', '9', 'a', 'b', 'A', 'B', 'c', 'f');
        Arbitrary<String> separator = Arbitraries.of("--", "--", "--", "-", "---", "");
        Arbitrary<String> wellShaped = Combinators.combine(type, separator, hex, version, variant).as((t, sep, h, v, n) ->
                t + sep + h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + v + h.substring(13, 16) + "-" + n
                        + h.substring(17, 20) + "-" + h.substring(20, 32));
        return Arbitraries.oneOf(wellShaped, mutated(wellShaped, "-ab0Fg_"),
                Arbitraries.strings().withChars("ab0-f").ofMaxLength(45));
    }

    @Example
    void identifierEdgeCases() {
        for (String text : new String[] {"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "a--b--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "x--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "-x--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "xy---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "xy--8E2E2D2B-17D4-4CBF-B38F-98EE46B3CD3F", "xy--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f", ""}) {
            assertThat(StixIdentifier.parse(text)).as(text).isEqualTo(identifierOracle(text));
        }
        assertThat(StixIdentifier.parse(null)).isEmpty();
        assertThat(StixIdentifier.isIdentifier(null)).isFalse();
    }

    // ---- timestamps ----

    @Property(tries = 10_000)
    void timestampScannerAgreesWithTheRegexAndInstantParse(@ForAll("timestampLike") String text) {
        assertThat(StixTimestamp.tryParse(text).map(StixTimestamp::instant)).as(text).isEqualTo(timestampOracle(text));
    }

    @Provide
    Arbitrary<String> timestampLike() {
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12).map(d -> "." + d));
        Arbitrary<String> wellShaped = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.integers().between(0, 9999), Arbitraries.of(0, 1900, 2000, 2015, 2016, 9999)),
                Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 33),
                Arbitraries.integers().between(0, 25), Arbitraries.integers().between(0, 61),
                Arbitraries.integers().between(0, 61), fraction)
                .as((y, mo, d, h, mi, s, f) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", y, mo, d, h, mi, s, f));
        return Arbitraries.oneOf(wellShaped, wellShaped, mutated(wellShaped, "0159-T:.Zzt+ "),
                Arbitraries.strings().withChars("0129-T:.Z").ofMaxLength(32));
    }

    @Example
    void everyDayOfTheCalendarEdgesAgrees() {
        for (int year : new int[] {0, 4, 100, 1900, 1970, 2000, 2015, 2016, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = String.format("%04d-%02d-%02dT24:00:00Z", year, month, day);
                    assertThat(StixTimestamp.tryParse(text).map(StixTimestamp::instant)).as(text).isEqualTo(timestampOracle(text));
                    String plain = text.replace("T24:", "T12:");
                    assertThat(StixTimestamp.tryParse(plain).map(StixTimestamp::instant)).as(plain).isEqualTo(timestampOracle(plain));
                }
            }
        }
    }

    @Example
    void everyTimeOfDayEdgeAgrees() {
        for (int hour = 0; hour <= 25; hour++) {
            for (int minute : new int[] {0, 1, 58, 59, 60, 99}) {
                for (int second : new int[] {0, 1, 58, 59, 60, 61, 99}) {
                    for (String fraction : new String[] {"", ".0", ".000", ".000000000", ".5", ".000000001", ".0000000000"}) {
                        String text = String.format("2016-12-31T%02d:%02d:%02d%sZ", hour, minute, second, fraction);
                        assertThat(StixTimestamp.tryParse(text).map(StixTimestamp::instant)).as(text)
                                .isEqualTo(timestampOracle(text));
                    }
                }
            }
        }
    }

    // ---- names ----

    @Property(tries = 5_000)
    void propertyNameScannerAgreesWithTheRegex(@ForAll("nameLike") String name) {
        assertThat(PropertyNameRules.isPropertyName(name)).as(name).isEqualTo(PROPERTY_NAME.matcher(name).matches());
    }

    @Property(tries = 5_000)
    void lowercaseWordScannersAgreeWithTheRegexes(@ForAll("nameLike") String text) {
        assertThat(Ascii.isHyphenatedLowercaseWords(text)).as(text).isEqualTo(LOWERCASE_WITH_HYPHENS.matcher(text).matches());
        assertThat(Ascii.isLowercaseLettersDigitsHyphens(text)).as(text).isEqualTo(LETTERS_DIGITS_HYPHENS.matcher(text).matches());
    }

    @Provide
    Arbitrary<String> nameLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("az09_-A ").ofMaxLength(8),
                Arbitraries.strings().withChars("a_").ofMinLength(245).ofMaxLength(255));
    }

    @Example
    void propertyNameLengthLimits() {
        assertThat(PropertyNameRules.isPropertyName("a".repeat(250))).isTrue();
        assertThat(PropertyNameRules.isPropertyName("a".repeat(251))).isFalse();
        assertThat(PropertyNameRules.isPropertyName("ab")).isFalse();
        assertThat(PropertyNameRules.isPropertyName("abc")).isTrue();
    }

    /** Text of {@code base} with one character replaced, inserted or removed at a random place. */
    private static Arbitrary<String> mutated(Arbitrary<String> base, String alphabet) {
        return Combinators.combine(base, Arbitraries.integers().between(0, 60), Arbitraries.of(alphabet.chars()
                        .mapToObj(c -> (char) c).toList()), Arbitraries.of(0, 1, 2))
                .as((text, at, c, how) -> {
                    int i = Math.min(at, text.length());
                    return switch (how) {
                        case 0 -> i < text.length() ? text.substring(0, i) + c + text.substring(i + 1) : text + c;
                        case 1 -> text.substring(0, i) + c + text.substring(i);
                        default -> i < text.length() ? text.substring(0, i) + text.substring(i + 1) : text;
                    };
                });
    }
}
