package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.stix.ValidObjects.*;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DomainObjectRulesTest {
    static Stream<Map<String, Object>> minimalDomainObjects() {
        String uuid = "a1b2c3d4-0000-4000-8000-000000000001";
        return Stream.of(
                sdo("attack-pattern", uuid, "name", "Spearphishing"),
                sdo("campaign", uuid, "name", "Green Group Attacks"),
                sdo("course-of-action", uuid, "name", "Block port 80"),
                sdo("grouping", uuid, "context", "suspicious-activity", "object_refs", list(INDICATOR)),
                sdo("identity", uuid, "name", "CERT-EU", "identity_class", "organization"),
                sdo("incident", uuid, "name", "Ransomware at the port authority"),
                indicator(),
                sdo("infrastructure", uuid, "name", "C2 servers"),
                sdo("intrusion-set", uuid, "name", "Bobcat Breakin"),
                sdo("location", uuid, "country", "BE"),
                sdo("malware", uuid, "is_family", false),
                sdo("malware-analysis", uuid, "product", "sandbox", "result", "malicious"),
                sdo("note", uuid, "content", "Seen twice", "object_refs", list(INDICATOR)),
                sdo("observed-data", uuid, "first_observed", CREATED, "last_observed", CREATED,
                        "number_observed", integer(1), "object_refs", list("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")),
                sdo("opinion", uuid, "opinion", "agree", "object_refs", list(INDICATOR)),
                sdo("report", uuid, "name", "Weekly", "published", CREATED, "object_refs", list(INDICATOR)),
                sdo("threat-actor", uuid, "name", "Evil Org"),
                sdo("tool", uuid, "name", "VNC"),
                sdo("vulnerability", uuid, "name", "CVE-2016-1234"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalDomainObjects")
    void everyDomainObjectWithItsRequiredPropertiesIsValid(Map<String, Object> sdo) {
        assertThat(violations(object(sdo))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalDomainObjects")
    void everyDomainObjectMissingARequiredPropertyIsRejectedNamingIt(Map<String, Object> sdo) {
        StixType type = StixTypes.of((String) sdo.get("type")).orElseThrow();
        for (String required : type.required()) {
            // Without spec_version an object of a type 2.0 also had reads as 2.0 content (see Stix20ContentTest).
            if (required.equals("type") || required.equals("id") || required.equals("spec_version")) continue;
            assertRejected(with(sdo, required, ABSENT), required, "required");
        }
    }

    @Test
    void anIndicatorWithoutPatternIsRejectedNamingTheProperty() {
        StixObject object = with(indicator(), "pattern", ABSENT);
        assertRejected(object, "pattern", "required for indicator (4.7)");
        assertThat(errors(object)).singleElement().satisfies(v -> assertThat(v.message())
                .isEqualTo(INDICATOR + ": property 'pattern': pattern is required for indicator (4.7)"));
    }

    @Test
    void validUntilMustBeLaterThanValidFrom() {
        assertRejected(with(indicator(), "valid_until", "2016-04-06T20:03:48Z"), "valid_until", "later than valid_from");
        assertValid(with(indicator(), "valid_until", "2016-04-06T20:03:48.001Z"));
    }

    @Test
    void anUnknownPatternTypeIsOnlyAWarning() {
        StixObject object = with(indicator(), "pattern_type", "kql");
        assertThat(errors(object)).isEmpty();
        assertThat(warnings(object)).anyMatch(v -> v.property().equals("pattern_type") && v.rule().contains("SHOULD"));
    }

    @Test
    void lastSeenBeforeFirstSeenIsRejected() {
        Map<String, Object> campaign = sdo("campaign", "a1b2c3d4-0000-4000-8000-000000000002", "name", "x",
                "first_seen", "2020-01-02T00:00:00Z", "last_seen", "2020-01-01T00:00:00Z");
        assertRejected(object(campaign), "last_seen", "later than or equal to first_seen");
    }

    @Test
    void aMalwareFamilyNeedsAName() {
        Map<String, Object> malware = sdo("malware", "a1b2c3d4-0000-4000-8000-000000000003", "is_family", true);
        assertRejected(object(malware), "name", "is_family");
        assertRejected(with(malware, "is_family", "true"), "is_family", "boolean");
    }

    @Test
    void aMalwareAnalysisNeedsAResultOrAnalysedObservables() {
        assertRejected(object(sdo("malware-analysis", "a1b2c3d4-0000-4000-8000-000000000004", "product", "sandbox")),
                "result", "analysis_sco_refs");
    }

    @Test
    void numberObservedMustBeFromOneTo999999999() {
        Map<String, Object> observed = minimalDomainObjects().filter(o -> o.get("type").equals("observed-data")).findFirst().orElseThrow();
        assertRejected(with(observed, "number_observed", integer(0)), "number_observed", "1 to 999,999,999");
        assertRejected(with(observed, "number_observed", integer(1_000_000_000)), "number_observed", "1 to 999,999,999");
    }

    @Test
    void observedDataNeedsExactlyOneOfObjectsOrObjectRefs() {
        Map<String, Object> observed = minimalDomainObjects().filter(o -> o.get("type").equals("observed-data")).findFirst().orElseThrow();
        Object container = map("0", map("type", "file", "name", "a.exe"));
        assertRejected(with(observed, "objects", container), "objects", "exactly one");
        assertRejected(with(observed, "object_refs", ABSENT), "object_refs", "exactly one");
        StixObject deprecated = with(observed, "object_refs", ABSENT, "objects", container);
        assertThat(errors(deprecated)).isEmpty();
        assertThat(warnings(deprecated)).anyMatch(v -> v.property().equals("objects") && v.rule().contains("deprecated"));
    }

    @Test
    void anOpinionOutsideTheEnumerationIsRejected() {
        assertRejected(object(sdo("opinion", "a1b2c3d4-0000-4000-8000-000000000005", "opinion", "meh",
                "object_refs", list(INDICATOR))), "opinion", "opinion-enum");
    }

    @Test
    void aLocationNeedsARegionACountryOrCoordinatesInRange() {
        String uuid = "a1b2c3d4-0000-4000-8000-000000000006";
        assertRejected(object(sdo("location", uuid, "name", "somewhere")), "region", "at least one of region, country");
        assertValid(object(sdo("location", uuid, "latitude", new BigDecimal("48.8566"), "longitude", new BigDecimal("2.3522"))));
        assertRejected(object(sdo("location", uuid, "latitude", new BigDecimal("91"), "longitude", integer(0))), "latitude", "-90 to 90");
        assertRejected(object(sdo("location", uuid, "region", "europe", "latitude", integer(10))), "longitude", "together");
        assertRejected(object(sdo("location", uuid, "country", "FR", "precision", integer(10))), "precision", "latitude and longitude");
    }

    @Test
    void aReportNeedsAPublishedTimestamp() {
        assertRejected(object(sdo("report", "a1b2c3d4-0000-4000-8000-000000000007", "name", "r", "object_refs", list(INDICATOR))),
                "published", "required for report (4.16)");
    }

    @Test
    void anUnknownIdentityClassIsOnlyAWarning() {
        StixObject identity = object(sdo("identity", "a1b2c3d4-0000-4000-8000-000000000008", "name", "x", "identity_class", "ministry"));
        assertThat(errors(identity)).isEmpty();
        assertThat(warnings(identity)).anyMatch(v -> v.property().equals("identity_class"));
    }
}
