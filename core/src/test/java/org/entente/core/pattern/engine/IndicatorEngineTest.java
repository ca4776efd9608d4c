package org.entente.core.pattern.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.entente.core.pattern.Observation;
import org.entente.core.stix.StixObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Indicator engine")
class IndicatorEngineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String A = "indicator--11111111-2222-4333-8444-555555555555";
    private static final String B = "indicator--aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    private final IndicatorEngine engine = IndicatorEngine.create();

    private static Observation observed(Instant first, Instant last, StixObject... scos) {
        Map<String, StixObject> objects = new java.util.LinkedHashMap<>();
        for (StixObject sco : scos) objects.put(sco.id(), sco);
        return new Observation("observed-data--" + first, first, last, 1, objects, List.copyOf(objects.keySet()));
    }

    private static StixObject sco(String type, String id, Object... more) {
        Object[] all = new Object[more.length + 4];
        all[0] = "type";
        all[1] = type;
        all[2] = "id";
        all[3] = type + "--" + id;
        System.arraycopy(more, 0, all, 4, more.length);
        return StixObject.of(all);
    }

    private List<String> value(String type, String value) {
        return engine.matchValue(type, value, T0.plusSeconds(60)).indicatorIds();
    }

    @Test
    @DisplayName("an equality indicator matches the same domain in any spelling the normaliser treats as equal")
    void anEqualityIndicatorMatchesTheSameDomainInAnySpelling() {
        engine.put(Indicator.of(A, "[domain-name:value = 'Example.COM.']", T0));
        assertThat(value("domain-name", "example.com")).containsExactly(A);
        assertThat(value("domain-name", "EXAMPLE.com.")).containsExactly(A);
        assertThat(value("domain-name", "example.org")).isEmpty();
        assertThat(value("url", "example.com")).isEmpty();
    }

    @Test
    @DisplayName("a batch of value events gets, in order, what each event gets alone")
    void aBatchOfValueEventsGetsWhatEachEventGetsAlone() {
        engine.put(Indicator.of(A, "[domain-name:value = 'evil.example']", T0));
        engine.put(new Indicator(B, "[ipv4-addr:value = '10.0.0.0/8']", T0, T0.plusSeconds(3600), false));
        engine.put(Indicator.of("indicator--cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee", "[url:value = 'http://evil.example/a']", T0));
        Instant in = T0.plusSeconds(60);
        Instant late = T0.plusSeconds(7200);
        List<ValueEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new ValueEvent("domain-name", "EVIL.example.", in));
            events.add(new ValueEvent("domain-name", "evil.example", in));
            events.add(new ValueEvent("domain-name", "good.example", in));
            events.add(new ValueEvent("ipv4-addr", "10.1.2.3", in));
            events.add(new ValueEvent("ipv4-addr", "10.1.2.3", late));
            events.add(new ValueEvent("ipv4-addr", "172.16.0.1", in));
            events.add(new ValueEvent("url", "http://evil.example/a", in));
            events.add(new ValueEvent("url", "HTTP://evil.example:80/a", in));
            events.add(new ValueEvent("file", "x", in));
        }
        List<MatchOutcome> batch = engine.matchValues(events);
        assertThat(batch).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            ValueEvent e = events.get(i);
            assertThat(batch.get(i)).as(e.toString()).isEqualTo(engine.matchValue(e.type(), e.value(), e.observedAt()));
        }
        assertThat(batch.get(1).indicatorIds()).containsExactly(A);
        assertThat(batch.get(3).indicatorIds()).containsExactly(B);
        assertThat(batch.get(4).indicatorIds()).isEmpty();
        assertThat(batch.get(7).indicatorIds()).hasSize(1);
    }

    @Test
    @DisplayName("value events in any spelling match the indicator of their canonical form, one by one and in a batch")
    void valueEventsInAnySpellingMatchTheCanonicalIndicator() {
        engine.put(Indicator.of(A, "[domain-name:value = 'xn--bcher-kva.example']", T0));
        engine.put(Indicator.of(B, "[ipv4-addr:value = '10.0.0.1']", T0));
        String url = "indicator--cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        engine.put(Indicator.of(url, "[url:value = 'http://evil.example/a~b']", T0));
        Instant at = T0.plusSeconds(60);
        List<ValueEvent> events = List.of(
                new ValueEvent("domain-name", "xn--bcher-kva.example", at),
                new ValueEvent("domain-name", "XN--BCHER-KVA.Example.", at),
                new ValueEvent("domain-name", "bücher.example", at),
                new ValueEvent("ipv4-addr", "10.0.0.1", at),
                new ValueEvent("url", "http://evil.example/a~b", at),
                new ValueEvent("url", "HTTP://Evil.Example:80/a%7Eb", at),
                new ValueEvent("url", "http://evil.example./a~b", at));
        List<String> expected = List.of(A, A, A, B, url, url, url);
        List<MatchOutcome> batch = engine.matchValues(events);
        for (int i = 0; i < events.size(); i++) {
            ValueEvent e = events.get(i);
            assertThat(engine.matchValue(e.type(), e.value(), e.observedAt()).indicatorIds()).as(e.value())
                    .containsExactly(expected.get(i));
            assertThat(batch.get(i).indicatorIds()).as(e.value()).containsExactly(expected.get(i));
        }
        assertThat(engine.matchValue("ipv4-addr", "10.0.0.2", at).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("a value with characters above 255 matches the indicator of its canonical form, never that of its low bytes")
    void aValueBeyondLatin1IsNeverTakenForItsLowBytes() {
        // U+0161 is 0x61 ('a') in its low byte, U+2E2E is 0x2E ('.'): a copy of the low bytes alone reads "aaa.example".
        String wide = "\u0161a\u0161.example";
        engine.put(Indicator.of(A, "[domain-name:value = '" + java.net.IDN.toASCII(wide) + "']", T0));
        engine.put(Indicator.of(B, "[domain-name:value = 'aaa.example']", T0));
        String url = "indicator--cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        engine.put(Indicator.of(url, "[url:value = 'http://evil.example/a.b']", T0));
        Instant at = T0.plusSeconds(60);
        List<ValueEvent> events = List.of(new ValueEvent("domain-name", wide, at),
                new ValueEvent("domain-name", "aaa.example", at), new ValueEvent("url", "http://evil.example/a\u2E2Eb", at));
        List<MatchOutcome> batch = engine.matchValues(events);
        assertThat(batch.get(0).indicatorIds()).containsExactly(A);
        assertThat(batch.get(1).indicatorIds()).containsExactly(B);
        assertThat(batch.get(2).indicatorIds()).isEmpty();
        assertThat(engine.matchValue("domain-name", wide, at).indicatorIds()).containsExactly(A);
        assertThat(engine.matchValue("url", "http://evil.example/a\u2E2Eb", at).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("the id of a hit reads as it was put, even after its indicator is removed and its place reused")
    void aHitsIdReadsAsPutEvenAfterItsPlaceIsReused() {
        engine.put(Indicator.of(A, "[domain-name:value = 'evil.example']", T0));
        MatchOutcome outcome = engine.matchValue("domain-name", "evil.example", T0.plusSeconds(1));
        engine.remove(A);
        engine.put(Indicator.of(B, "[domain-name:value = 'other.example']", T0));
        assertThat(outcome.indicatorIds()).containsExactly(A);
        assertThat(outcome).isEqualTo(new MatchOutcome(List.of(A), List.of()));
        assertThat(engine.matchValue("domain-name", "other.example", T0.plusSeconds(1)).indicatorIds()).containsExactly(B);
    }

    @Test
    @DisplayName("a hash indicator matches whatever case the digest and the algorithm name are written in")
    void aHashIndicatorMatchesWhateverTheSpelling() {
        String digest = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
        engine.put(Indicator.of(A, "[file:hashes.'sha256' = '" + digest + "']", T0));
        StixObject file = sco("file", "1", "hashes", Map.of("SHA-256", digest.toLowerCase()));
        assertThat(engine.match(file, T0.plusSeconds(1)).indicatorIds()).containsExactly(A);
        StixObject other = sco("file", "2", "hashes", Map.of("MD5", "d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(engine.match(other, T0.plusSeconds(1)).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("a CIDR indicator matches every address and smaller block inside it, and nothing outside")
    void aCidrIndicatorMatchesEveryAddressInItsBlock() {
        engine.put(Indicator.of(A, "[ipv4-addr:value = '10.0.0.0/8']", T0));
        engine.put(Indicator.of(B, "[ipv4-addr:value = '10.1.2.3']", T0));
        assertThat(value("ipv4-addr", "10.200.3.4")).containsExactly(A);
        assertThat(value("ipv4-addr", "10.1.2.3")).containsExactlyInAnyOrder(A, B);
        assertThat(value("ipv4-addr", "10.1.0.0/16")).containsExactly(A);
        assertThat(value("ipv4-addr", "10.1.2.3/32")).containsExactlyInAnyOrder(A, B);
        assertThat(value("ipv4-addr", "11.0.0.1")).isEmpty();
        assertThat(value("ipv4-addr", "0.0.0.0/0")).isEmpty();
    }

    /** What a value event gets, the same by {@link IndicatorEngine#matchValue}, a batch and the full match. */
    private List<String> everyWay(String type, String value) {
        Instant at = T0.plusSeconds(60);
        List<String> alone = engine.matchValue(type, value, at).indicatorIds();
        ValueEvent event = new ValueEvent(type, value, at);
        ValueEvent other = new ValueEvent("domain-name", "elsewhere.example", at);
        List<MatchOutcome> batch = engine.matchValues(java.util.Collections.nCopies(10, List.of(other, event))
                .stream().flatMap(List::stream).toList());
        for (int i = 1; i < batch.size(); i += 2) assertThat(batch.get(i).indicatorIds()).as(value).isEqualTo(alone);
        assertThat(engine.match(sco(type, "o", "value", value), at).indicatorIds()).as(value)
                .containsExactlyInAnyOrderElementsOf(alone);
        return alone;
    }

    @Test
    @DisplayName("an IPv4 text of digits and dots that the normaliser refuses matches only an indicator of that very text")
    void aRefusedDottedQuadMatchesOnlyItsOwnText() {
        engine.put(Indicator.of(A, "[ipv4-addr:value = '10.0.0.1']", T0));
        // Each is refused by the normaliser (a leading zero, a part above 255, not four parts, an empty part).
        for (String refused : List.of("010.0.0.1", "10.0.0.01", "10.0.0.256", "10.0.0", "10.0.0.1.", "10..0.1",
                "10.0.0.1.5", ".10.0.0.1", "1000.0.0.1", "10.0.0.1000")) {
            assertThatThrownBy(() -> org.entente.core.observable.Normaliser.standard()
                    .normalise(org.entente.core.observable.ObservableKind.IPV4, refused))
                    .as(refused).isInstanceOf(IllegalArgumentException.class);
            assertThat(everyWay("ipv4-addr", refused)).as(refused).isEmpty();
            engine.put(Indicator.of(B, "[ipv4-addr:value = '" + refused + "']", T0));
            assertThat(everyWay("ipv4-addr", refused)).as(refused).containsExactly(B);
            assertThat(everyWay("ipv4-addr", "10.0.0.1")).as(refused).containsExactly(A);
            engine.remove(B);
        }
    }

    @Test
    @DisplayName("an address written with a /32, spaces or an IPv4-mapped IPv6 form is read by the normaliser, as before")
    void otherSpellingsOfAnAddressGoTheNormalisersWay() {
        engine.put(Indicator.of(A, "[ipv4-addr:value = '10.0.0.1/32']", T0));
        engine.put(Indicator.of(B, "[ipv4-addr:value = ' 10.0.0.2 ']", T0));
        for (String same : List.of("10.0.0.1", "10.0.0.1/32", " 10.0.0.1", "10.0.0.1 ", "\t10.0.0.1/32\n")) {
            assertThat(everyWay("ipv4-addr", same)).as(same).containsExactly(A);
        }
        assertThat(everyWay("ipv4-addr", "10.0.0.2")).containsExactly(B);
        assertThat(everyWay("ipv4-addr", "10.0.0.1/31")).isEmpty(); // a block is not inside one address
        // ipv4-addr holds IPv4 only (STIX 2.1 section 6.4): an IPv4-mapped IPv6 text there is refused, compared as
        // written; on ipv6-addr it is an IPv6 address, apart from the IPv4 one.
        String mapped = "indicator--cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        engine.put(Indicator.of(mapped, "[ipv6-addr:value = '::FFFF:10.0.0.1']", T0));
        assertThat(everyWay("ipv4-addr", "::ffff:10.0.0.1")).isEmpty();
        assertThat(everyWay("ipv6-addr", "::ffff:10.0.0.1")).containsExactly(mapped);
        assertThat(everyWay("ipv4-addr", "10.0.0.1")).containsExactly(A);
    }

    @Test
    @DisplayName("single addresses and blocks put and revoked between matches are found exactly while they are held")
    void addressesAndBlocksComeAndGoWhileMatching() {
        String c = "indicator--cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        engine.put(Indicator.of(A, "[ipv4-addr:value = '10.0.0.1']", T0));
        assertThat(everyWay("ipv4-addr", "10.0.0.1")).containsExactly(A);
        engine.put(Indicator.of(B, "[ipv4-addr:value = '10.0.0.0/24']", T0));
        assertThat(everyWay("ipv4-addr", "10.0.0.1")).containsExactlyInAnyOrder(A, B);
        assertThat(everyWay("ipv4-addr", "10.0.0.9")).containsExactly(B);
        engine.put(Indicator.of(c, "[ipv4-addr:value ISSUBSET '10.0.0.9/32']", T0));
        assertThat(everyWay("ipv4-addr", "10.0.0.9")).containsExactlyInAnyOrder(B, c);
        engine.put(new Indicator(B, "[ipv4-addr:value = '10.0.0.0/24']", T0, null, true));
        assertThat(everyWay("ipv4-addr", "10.0.0.1")).containsExactly(A);
        assertThat(everyWay("ipv4-addr", "10.0.0.9")).containsExactly(c);
        assertThat(everyWay("ipv4-addr", "10.0.0.7")).isEmpty();
        engine.remove(A);
        assertThat(everyWay("ipv4-addr", "10.0.0.1")).isEmpty();
        engine.put(Indicator.of(A, "[ipv4-addr:value = '0.0.0.0/0']", T0));
        assertThat(everyWay("ipv4-addr", "10.0.0.9")).containsExactlyInAnyOrder(A, c);
        engine.remove(A);
        engine.remove(c);
        assertThat(everyWay("ipv4-addr", "10.0.0.9")).isEmpty();
        assertThat(engine.size()).isZero();
    }

    @Test
    @DisplayName("an IPv6 block matches the addresses inside it however they are written")
    void anIpv6BlockMatchesAddressesInsideIt() {
        engine.put(Indicator.of(A, "[ipv6-addr:value = '2001:DB8::/32']", T0));
        engine.put(Indicator.of(B, "[ipv6-addr:value IN ('2001:db8:0:0:0:0:0:1', '::1')]", T0));
        assertThat(value("ipv6-addr", "2001:0db8:0000::0001")).containsExactlyInAnyOrder(A, B);
        assertThat(value("ipv6-addr", "2001:db9::1")).isEmpty();
        assertThat(value("ipv6-addr", "0:0:0:0:0:0:0:1")).containsExactly(B);
    }

    @Test
    @DisplayName("IN lists, numbers and phone numbers are indexed by their canonical values")
    void inListsNumbersAndPhoneNumbersAreIndexed() {
        engine.put(Indicator.of(A, "[url:value IN ('HTTP://Evil.example/a', 'http://evil.example/b')]", T0));
        engine.put(Indicator.of(B, "[x-entente-phone-number:value = '+44 20 7946 0018']", T0));
        engine.put(Indicator.of("indicator--00000000-0000-4000-8000-000000000003", "[file:size = 100]", T0));
        assertThat(value("url", "http://evil.example/a")).containsExactly(A);
        assertThat(value("x-entente-phone-number", "+442079460018")).containsExactly(B);
        assertThat(engine.match(sco("file", "1", "size", new java.math.BigDecimal("100.0")), T0.plusSeconds(1))
                .indicatorIds()).containsExactly("indicator--00000000-0000-4000-8000-000000000003");
        assertThat(engine.match(sco("file", "2", "size", "100"), T0.plusSeconds(1)).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("an indicator matches from valid_from inclusive to valid_until exclusive, and not outside")
    void anIndicatorOutsideItsValidityWindowDoesNotMatch() {
        Instant until = T0.plusSeconds(3600);
        engine.put(new Indicator(A, "[domain-name:value = 'evil.example']", T0, until, false));
        assertThat(engine.matchValue("domain-name", "evil.example", T0.minusMillis(1)).indicatorIds()).isEmpty();
        assertThat(engine.matchValue("domain-name", "evil.example", T0).indicatorIds()).containsExactly(A);
        assertThat(engine.matchValue("domain-name", "evil.example", until.minusMillis(1)).indicatorIds()).containsExactly(A);
        assertThat(engine.matchValue("domain-name", "evil.example", until).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("an observation spanning the start of the validity window counts, as its interval overlaps it")
    void anObservationOverlappingTheValidityWindowCounts() {
        engine.put(new Indicator(A, "[domain-name:value = 'evil.example' AND domain-name:value != 'x']", T0,
                T0.plusSeconds(10), false));
        StixObject domain = sco("domain-name", "1", "value", "evil.example");
        assertThat(engine.match(observed(T0.minusSeconds(5), T0, domain)).indicatorIds()).containsExactly(A);
        assertThat(engine.match(observed(T0.minusSeconds(5), T0.minusSeconds(1), domain)).indicatorIds()).isEmpty();
        assertThat(engine.match(observed(T0.plusSeconds(10), T0.plusSeconds(20), domain)).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("a revoked indicator no longer matches")
    void aRevokedIndicatorNoLongerMatches() {
        engine.put(Indicator.of(A, "[domain-name:value = 'evil.example']", T0));
        engine.put(new Indicator(A, "[domain-name:value = 'evil.example']", T0, null, true));
        assertThat(value("domain-name", "evil.example")).isEmpty();
        assertThat(engine.size()).isZero();
    }

    @Test
    @DisplayName("a new version of an indicator replaces the old one")
    void aNewVersionReplacesTheOld() {
        engine.put(Indicator.of(A, "[domain-name:value = 'old.example']", T0));
        engine.put(Indicator.of(A, "[domain-name:value = 'new.example' AND domain-name:value LIKE '%.example']", T0));
        assertThat(value("domain-name", "old.example")).isEmpty();
        assertThat(value("domain-name", "new.example")).containsExactly(A);
        engine.put(Indicator.of(A, "[domain-name:value MATCHES '^other']", T0));
        assertThat(value("domain-name", "new.example")).isEmpty();
        assertThat(value("domain-name", "other.example")).containsExactly(A);
        assertThat(engine.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("an invalid pattern is refused, naming the indicator, and the version held before stays")
    void anInvalidPatternIsRefusedAndTheOldVersionStays() {
        engine.put(Indicator.of(A, "[domain-name:value = 'evil.example']", T0));
        assertThatThrownBy(() -> engine.put(Indicator.of(A, "[domain-name:value = ", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(A).hasMessageContaining("invalid pattern");
        assertThat(value("domain-name", "evil.example")).containsExactly(A);
    }

    @Test
    @DisplayName("removing an indicator forgets it; removing an unknown id says so")
    void removingAnIndicatorForgetsIt() {
        engine.put(Indicator.of(A, "[domain-name:value = 'evil.example']", T0));
        engine.put(Indicator.of(B, "[url:value MATCHES 'evil']", T0));
        assertThat(engine.remove(A)).isTrue();
        assertThat(engine.remove(B)).isTrue();
        assertThat(engine.remove(A)).isFalse();
        assertThat(value("domain-name", "evil.example")).isEmpty();
        assertThat(value("url", "http://evil/")).isEmpty();
        assertThat(engine.size()).isZero();
    }

    @Test
    @DisplayName("a candidate found through its key is confirmed by the full matcher")
    void aCandidateIsConfirmedByTheFullMatcher() {
        engine.put(Indicator.of(A, "[domain-name:value = 'evil.example' AND domain-name:resolves_to_refs[*].value = '10.0.0.1']", T0));
        StixObject ip = sco("ipv4-addr", "1", "value", "10.0.0.1");
        StixObject resolving = sco("domain-name", "1", "value", "EVIL.example", "resolves_to_refs", List.of(ip.id()));
        StixObject bare = sco("domain-name", "2", "value", "evil.example");
        Instant t = T0.plusSeconds(1);
        assertThat(engine.match(observed(t, t, resolving, ip)).indicatorIds()).containsExactly(A);
        assertThat(engine.match(observed(t, t, bare)).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("a pattern without an indexable term is screened by the text its regular expression needs")
    void aPatternWithoutAnIndexableTermIsScreenedByItsText() {
        engine.put(Indicator.of(A, "[url:value MATCHES '^https?://[^/]*\\\\.evil/']", T0));
        assertThat(value("url", "https://login.evil/x")).containsExactly(A);
        assertThat(value("url", "https://good.example/x")).isEmpty();
        assertThat(value("domain-name", "login.evil")).isEmpty();
    }

    @Test
    @DisplayName("a pattern with neither a key nor a required text is checked against every observation of its types")
    void aPatternWithNeitherKeyNorTextIsCheckedForEveryObservation() {
        engine.put(Indicator.of(A, "[file:size > 1000 AND file:name LIKE 'a%']", T0));
        assertThat(engine.match(sco("file", "1", "size", 2000L, "name", "a.exe"), T0.plusSeconds(1)).indicatorIds()).containsExactly(A);
        assertThat(engine.match(sco("file", "2", "size", 20L, "name", "a.exe"), T0.plusSeconds(1)).indicatorIds()).isEmpty();
        assertThat(engine.remove(A)).isTrue();
        assertThat(engine.match(sco("file", "1", "size", 2000L, "name", "a.exe"), T0.plusSeconds(1)).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("a two-observation pattern matches a window holding both, in order and in time, and neither alone")
    void aMultiObservationPatternMatchesAcrossAWindow() {
        engine.put(Indicator.of(A, "([domain-name:value = 'evil.example'] FOLLOWEDBY [url:value = 'http://evil.example/payload'])"
                + " WITHIN 60 SECONDS", T0));
        Observation dns = observed(T0.plusSeconds(10), T0.plusSeconds(10), sco("domain-name", "1", "value", "evil.example"));
        Observation click = observed(T0.plusSeconds(40), T0.plusSeconds(40), sco("url", "1", "value", "http://evil.example/payload"));
        Observation late = observed(T0.plusSeconds(200), T0.plusSeconds(200), sco("url", "2", "value", "http://evil.example/payload"));
        assertThat(engine.match(List.of(dns, click)).indicatorIds()).containsExactly(A);
        assertThat(engine.match(List.of(click, dns)).indicatorIds()).containsExactly(A);
        assertThat(engine.match(dns).indicatorIds()).isEmpty();
        assertThat(engine.match(List.of(late, dns)).indicatorIds()).isEmpty();
    }

    @Test
    @DisplayName("an indicator that cannot be evaluated is reported without hiding the others' matches")
    void anEvaluationFailureIsReportedBesideTheMatches() {
        engine.put(Indicator.of(A, "[domain-name:value = 'evil.example' AND domain-name:x_seen > t'2020-01-01T00:00:00Z']", T0));
        engine.put(Indicator.of(B, "[domain-name:value = 'evil.example']", T0));
        Instant t = T0.plusSeconds(1);
        MatchOutcome outcome = engine.match(observed(t, t, sco("domain-name", "1", "value", "evil.example", "x_seen", "yesterday")));
        assertThat(outcome.indicatorIds()).containsExactly(B);
        assertThat(outcome.failures()).extracting(MatchOutcome.Failure::indicatorId).containsExactly(A);
    }

    @Test
    @DisplayName("ids of any form are given back exactly as they were put")
    void idsOfAnyFormComeBackAsTheyWerePut() {
        String upper = "indicator--AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE";
        engine.put(Indicator.of(upper, "[domain-name:value = 'a.example']", T0));
        engine.put(Indicator.of("x-custom--7", "[domain-name:value = 'a.example']", T0));
        engine.put(Indicator.of(A, "[domain-name:value = 'a.example']", T0));
        assertThat(value("domain-name", "a.example")).containsExactlyInAnyOrder(upper, "x-custom--7", A);
        assertThat(engine.remove("x-custom--7")).isTrue();
        assertThat(value("domain-name", "a.example")).containsExactlyInAnyOrder(upper, A);
    }

    @Test
    @DisplayName("after many puts and removals every remaining indicator still matches and no removed one does")
    void manyPutsAndRemovalsKeepTheIndexConsistent() {
        int n = 20_000;
        for (int i = 0; i < n; i++) engine.put(Indicator.of(id(i), "[domain-name:value = 'd" + (i % 5000) + ".example']", T0));
        for (int i = 0; i < n; i += 3) assertThat(engine.remove(id(i))).isTrue();
        assertThat(engine.size()).isEqualTo(n - (n + 2) / 3);
        for (int d = 0; d < 5000; d++) {
            List<String> expected = new java.util.ArrayList<>();
            for (int i = d; i < n; i += 5000) if (i % 3 != 0) expected.add(id(i));
            assertThat(value("domain-name", "d" + d + ".example")).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String id(int i) {
        return String.format("indicator--%08x-0000-4000-8000-%012x", i, (long) i * 7919);
    }

    @Test
    @DisplayName("a STIX indicator object is read with its validity and revocation; other pattern types are refused")
    void aStixIndicatorIsRead() {
        Indicator read = Indicator.of(StixObject.of("type", "indicator", "id", A, "pattern", "[domain-name:value = 'x.example']",
                "pattern_type", "stix", "valid_from", "2026-01-01T00:00:00Z", "valid_until", "2026-02-01T00:00:00.000Z",
                "revoked", true));
        assertThat(read).isEqualTo(new Indicator(A, "[domain-name:value = 'x.example']", T0,
                Instant.parse("2026-02-01T00:00:00Z"), true));
        assertThatThrownBy(() -> Indicator.of(StixObject.of("type", "indicator", "id", A, "pattern", "alert tcp any any",
                "pattern_type", "snort", "valid_from", "2026-01-01T00:00:00Z")))
                .hasMessageContaining("pattern_type snort");
    }
}
