package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.stix.ValidObjects.*;

import org.junit.jupiter.api.Test;

class CommonRulesTest {
    @Test
    void aMinimalIndicatorIsValid() {
        assertThat(violations(object(indicator()))).isEmpty();
    }

    @Test
    void anObjectWithoutTypeIsRejectedNamingTheProperty() {
        assertRejected(with(indicator(), "type", ABSENT), "type", "required");
    }

    @Test
    void aTypeWithUppercaseLettersOrADoubleHyphenIsRejected() {
        assertRejected(with(indicator(), "type", "Indicator", "id", "Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
                "type", "a-z");
        assertRejected(with(indicator(), "type", "x--thing"), "type", "two hyphens");
    }

    @Test
    void anIdWhoseTypePartDiffersFromTheTypeIsRejected() {
        assertRejected(with(indicator(), "id", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), "id", "MUST equal");
    }

    @Test
    void anIdWithoutAnRfc4122UuidIsRejected() {
        assertRejected(with(indicator(), "id", "indicator--1234"), "id", "UUID");
        // Version nibble 0 and variant nibble c are outside RFC 4122.
        assertRejected(with(indicator(), "id", "indicator--8e2e2d2b-17d4-0cbf-c38f-98ee46b3cd3f"), "id", "UUID");
    }

    @Test
    void aMissingSpecVersionOnA21ObjectIsRejected() {
        assertRejected(with(indicator(), "spec_version", ABSENT), "spec_version", "required");
    }

    @Test
    void aSpecVersionOtherThan21IsRejected() {
        assertRejected(with(indicator(), "spec_version", "2.2"), "spec_version", "2.1");
    }

    @Test
    void createdAndModifiedAreRequiredOnDomainObjects() {
        assertRejected(with(indicator(), "created", ABSENT), "created", "required");
        assertRejected(with(indicator(), "modified", ABSENT), "modified", "required");
    }

    @Test
    void createdWithSecondPrecisionIsRejectedBecauseMillisecondsAreRequired() {
        assertRejected(with(indicator(), "created", "2016-04-06T20:03:48Z"), "created", "millisecond");
    }

    @Test
    void createdWithFinerPrecisionThanMillisecondsIsAccepted() {
        assertValid(with(indicator(), "created", "2016-04-06T20:03:48.000001Z"));
    }

    @Test
    void aTimestampWithAnOffsetInsteadOfZIsRejected() {
        assertRejected(with(indicator(), "modified", "2016-04-06T20:03:48.000+01:00"), "modified", "timestamp");
        assertRejected(with(indicator(), "valid_from", "2016-04-06"), "valid_from", "timestamp");
    }

    @Test
    void aCustomPropertyNamedLikeAnotherTypesTimestampMayHoldAnything() {
        assertValid(with(indicator(), "date", "last Tuesday"));
    }

    @Test
    void modifiedBeforeCreatedIsRejected() {
        assertRejected(with(indicator(), "modified", "2016-04-06T20:03:47.999Z"), "modified", "later than or equal to created");
    }

    @Test
    void aReservedPropertyNameIsRejected() {
        assertRejected(with(indicator(), "severity", "high"), "severity", "reserved");
    }

    @Test
    void customPropertyNamesOutsideLowercaseDigitsAndUnderscoreOrTooShortAreRejected() {
        assertRejected(with(indicator(), "x_Acme", "v"), "x_Acme", "a-z, 0-9 and underscore");
        assertRejected(with(indicator(), "x-acme", "v"), "x-acme", "a-z, 0-9 and underscore");
        assertRejected(with(indicator(), "xy", "v"), "xy", "3-250");
        assertRejected(with(indicator(), "_x_acme", "v"), "_x_acme", "starting with a letter");
    }

    @Test
    void theReservedTypeActionIsRejected() {
        assertRejected(with(indicator(), "type", "action", "id", "action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), "type", "reserved");
    }

    @Test
    void hashesInAnExternalReferenceMustUseTheHashAlgorithmVocabulary() {
        Object reference = map("source_name", "acme", "url", "https://acme.example/x", "hashes", map("x_acme", "abc"));
        assertRejected(with(indicator(), "external_references", list(reference)), "external_references[0].hashes.x_acme", "MUST come from hash-algorithm-ov");
    }

    @Test
    void customPropertiesWithAnyJsonValueAreAccepted() {
        assertValid(with(indicator(), "x_acme_score", map("impact", "high", "n", integer(3)), "x_acme_flag", true));
    }

    @Test
    void anEmptyListIsRejected() {
        assertRejected(with(indicator(), "labels", list()), "labels", "empty list");
    }

    @Test
    void labelsMustBeAListOfStrings() {
        assertRejected(with(indicator(), "labels", list("a", integer(1))), "labels", "strings");
    }

    @Test
    void anExternalReferenceWithoutSourceNameIsRejected() {
        assertRejected(with(indicator(), "external_references", list(map("url", "https://example.org/"))),
                "external_references[0].source_name", "source_name");
    }

    @Test
    void anExternalReferenceWithOnlyASourceNameIsRejected() {
        assertRejected(with(indicator(), "external_references", list(map("source_name", "acme"))),
                "external_references[0]", "at least one of description, url, external_id");
    }

    @Test
    void objectMarkingRefsMustBeMarkingDefinitionIds() {
        assertRejected(with(indicator(), "object_marking_refs", list(IDENTITY)), "object_marking_refs[0]", "marking-definition");
        assertRejected(with(indicator(), "object_marking_refs", list("tlp:red")), "object_marking_refs[0]", "identifier");
        assertValid(with(indicator(), "object_marking_refs", list(TlpMarkings.TLP2_IDS.get("amber+strict"))));
    }

    @Test
    void createdByRefMustReferToAnIdentity() {
        assertRejected(with(indicator(), "created_by_ref", MALWARE), "created_by_ref", "identity");
        assertValid(with(indicator(), "created_by_ref", IDENTITY));
    }

    @Test
    void confidenceOutsideZeroToHundredIsRejected() {
        assertRejected(with(indicator(), "confidence", integer(101)), "confidence", "0 to 100");
        assertRejected(with(indicator(), "confidence", integer(-1)), "confidence", "0 to 100");
        assertRejected(with(indicator(), "confidence", new java.math.BigDecimal("50.5")), "confidence", "integer");
        assertValid(with(indicator(), "confidence", integer(100)));
    }

    @Test
    void langMustBeALanguageTag() {
        assertRejected(with(indicator(), "lang", "english please"), "lang", "RFC 5646");
        assertValid(with(indicator(), "lang", "en-GB"));
    }

    @Test
    void aKillChainPhaseNeedsAKillChainNameAndAPhaseName() {
        assertRejected(with(indicator(), "kill_chain_phases", list(map("kill_chain_name", "lockheed-martin-cyber-kill-chain"))),
                "kill_chain_phases[0].phase_name", "required");
        assertValid(with(indicator(), "kill_chain_phases",
                list(map("kill_chain_name", "lockheed-martin-cyber-kill-chain", "phase_name", "reconnaissance"))));
    }

    @Test
    void revokedMustBeABoolean() {
        assertRejected(with(indicator(), "revoked", "yes"), "revoked", "boolean");
    }

    @Test
    void aNullValueIsOnlyAWarning() {
        StixObject object = with(indicator(), "description", null);
        assertThat(errors(object)).isEmpty();
        assertThat(warnings(object)).anyMatch(v -> v.property().equals("description"));
    }
}
