package org.entente.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.StixObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pattern matcher")
class PatternMatcherTest {

    /** A 2.1 bundle with one observed-data object seen at {@code time}, referencing the given SCOs. */
    private static StixObject bundle(String time, int number, StixObject... scos) {
        List<Object> objects = new ArrayList<>();
        List<Object> refs = new ArrayList<>();
        for (StixObject sco : scos) refs.add(sco.id());
        objects.add(StixObject.of("type", "observed-data", "id", "observed-data--" + time, "spec_version", "2.1",
                "first_observed", time, "last_observed", time, "number_observed", (long) number,
                "object_refs", refs).properties());
        for (StixObject sco : scos) objects.add(sco.properties());
        return StixObject.of("type", "bundle", "id", "bundle--" + time, "objects", objects);
    }

    private static boolean matches(String pattern, StixObject... bundles) {
        return PatternMatcher.matches(Pattern.parse(pattern), Observations.fromBundles(List.of(bundles)));
    }

    private static final StixObject IP = StixObject.of("type", "ipv4-addr", "id", "ipv4-addr--1", "value", "198.51.100.7");
    private static final StixObject TRAFFIC = StixObject.of("type", "network-traffic", "id", "network-traffic--1",
            "dst_ref", "ipv4-addr--1", "protocols", List.of("tcp", "http"), "dst_port", 443L);

    @Test
    @DisplayName("a reference in a path is followed to the object it names")
    void referencesAreFollowed() {
        StixObject b = bundle("2020-01-01T00:00:00Z", 1, TRAFFIC, IP);
        assertThat(matches("[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24']", b)).isTrue();
        assertThat(matches("[network-traffic:dst_ref.value = '203.0.113.1']", b)).isFalse();
    }

    @Test
    @DisplayName("[*] looks at every element of a list and an index at one")
    void listSteps() {
        StixObject b = bundle("2020-01-01T00:00:00Z", 1, TRAFFIC, IP);
        assertThat(matches("[network-traffic:protocols[*] = 'http']", b)).isTrue();
        assertThat(matches("[network-traffic:protocols[0] = 'http']", b)).isFalse();
    }

    @Test
    @DisplayName("comparisons joined by AND must hold for the same object")
    void andInsideBracketsIsOneObject() {
        StixObject a = StixObject.of("type", "file", "id", "file--a", "name", "a.exe", "size", 1L);
        StixObject b = StixObject.of("type", "file", "id", "file--b", "name", "b.exe", "size", 2L);
        StixObject bundle = bundle("2020-01-01T00:00:00Z", 1, a, b);
        assertThat(matches("[file:name = 'a.exe' AND file:size = 2]", bundle)).isFalse();
        assertThat(matches("[file:name = 'a.exe'] AND [file:size = 2]", bundle)).isFalse(); // one observation only
        assertThat(matches("[file:name = 'a.exe' OR file:size = 2]", bundle)).isTrue();
    }

    @Test
    @DisplayName("FOLLOWEDBY needs the right side not to end before the left side began, within the window")
    void followedByAndWithin() {
        StixObject early = bundle("2020-01-01T00:00:00Z", 1, IP);
        StixObject late = bundle("2020-01-01T00:05:00Z", 1, TRAFFIC, IP);
        assertThat(matches("[ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [network-traffic:dst_port = 443]", early, late)).isTrue();
        assertThat(matches("[network-traffic:dst_port = 443] FOLLOWEDBY [ipv4-addr:value = '198.51.100.7']", early, late))
                .as("the only later ipv4 observation is the one already used").isFalse();
        assertThat(matches("([ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [network-traffic:dst_port = 443]) WITHIN 299 SECONDS",
                early, late)).isFalse();
        assertThat(matches("([ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [network-traffic:dst_port = 443]) WITHIN 300 SECONDS",
                early, late)).isTrue();
    }

    @Test
    @DisplayName("number_observed counts as that many observations for REPEATS")
    void repeatsCountsNumberObserved() {
        StixObject thrice = bundle("2020-01-01T00:00:00Z", 3, IP);
        assertThat(matches("[ipv4-addr:value = '198.51.100.7'] REPEATS 3 TIMES", thrice)).isTrue();
        assertThat(matches("[ipv4-addr:value = '198.51.100.7'] REPEATS 4 TIMES", thrice)).isFalse();
    }

    @Test
    @DisplayName("START is inclusive and STOP exclusive")
    void startStop() {
        StixObject b = bundle("2020-01-01T00:00:00Z", 1, IP);
        assertThat(matches("[ipv4-addr:value = '198.51.100.7'] START t'2020-01-01T00:00:00Z' STOP t'2020-01-02T00:00:00Z'", b)).isTrue();
        assertThat(matches("[ipv4-addr:value = '198.51.100.7'] START t'2019-01-01T00:00:00Z' STOP t'2020-01-01T00:00:00Z'", b)).isFalse();
    }

    @Test
    @DisplayName("the match result names the observations that matched")
    void matchResultNamesObservations() {
        StixObject early = bundle("2020-01-01T00:00:00Z", 1, IP);
        StixObject late = bundle("2020-01-01T00:05:00Z", 1, TRAFFIC, IP);
        MatchResult result = PatternMatcher.match(Pattern.parse("[network-traffic:dst_port = 443]"),
                Observations.fromBundles(List.of(early, late)));
        assertThat(result.matched()).isTrue();
        assertThat(result.observations()).extracting(Observation::id).containsExactly("observed-data--2020-01-01T00:05:00Z");
    }

    @Test
    @DisplayName("STIX 2.0 observed-data with embedded objects resolves references by dictionary key")
    void stix20Layout() {
        StixObject observed = StixObject.of("type", "observed-data", "id", "observed-data--x",
                "first_observed", "2020-01-01T00:00:00Z", "last_observed", "2020-01-01T00:00:00Z", "number_observed", 1L,
                "objects", Map.of(
                        "0", Map.of("type", "ipv4-addr", "value", "10.0.0.1"),
                        "1", Map.of("type", "network-traffic", "dst_ref", "0")));
        var observations = Observations.fromObservedData(List.of(observed));
        assertThat(PatternMatcher.matches(Pattern.parse("[network-traffic:dst_ref.value = '10.0.0.1']", PatternVersion.V2_0),
                observations)).isTrue();
    }

    @Test
    @DisplayName("a string compared with a timestamp must hold a timestamp, or evaluation fails")
    void badTimestampDataIsAnError() {
        StixObject file = StixObject.of("type", "file", "id", "file--a", "ctime", "yesterday");
        assertThatThrownBy(() -> matches("[file:ctime > t'2020-01-01T00:00:00Z']", bundle("2020-01-01T00:00:00Z", 1, file)))
                .isInstanceOf(PatternEvaluationException.class);
    }

    @Test
    @DisplayName("IPv6 blocks work with ISSUBSET and ISSUPERSET")
    void ipv6Networks() {
        StixObject ip6 = StixObject.of("type", "ipv6-addr", "id", "ipv6-addr--1", "value", "2001:db8:dead:beef::1");
        StixObject b = bundle("2020-01-01T00:00:00Z", 1, ip6);
        assertThat(matches("[ipv6-addr:value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']", b)).isTrue();
        assertThat(matches("[ipv6-addr:value ISSUBSET '2001:db8:dead:bee0::/64']", b)).isFalse();
    }

    @Test
    @DisplayName("an observed IPv4 address with a leading zero is in no block: inet_aton would read it as octal")
    void anAddressWithALeadingZeroIsInNoBlock() {
        StixObject ip = StixObject.of("type", "ipv4-addr", "id", "ipv4-addr--1", "value", "010.0.0.1");
        StixObject b = bundle("2020-01-01T00:00:00Z", 1, ip);
        assertThat(matches("[ipv4-addr:value ISSUBSET '10.0.0.0/8']", b)).isFalse();
        assertThat(matches("[ipv4-addr:value ISSUBSET '8.0.0.0/8']", b)).isFalse();
        assertThat(matches("[ipv4-addr:value = '010.0.0.1']", b)).isTrue();
    }
}
