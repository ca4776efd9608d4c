package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.stix.ValidObjects.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkingsAndExtensionsTest {
    private static final String TLP_EXTENSION = TlpMarkings.TLP2_EXTENSION;

    @Test
    void granularMarkingSelectorsMustSelectContentPresentInTheObject() {
        Object marking = map("marking_ref", TlpMarkings.TLP1_IDS.get("red"), "selectors", list("description"));
        assertRejected(with(indicator(), "granular_markings", list(marking)), "granular_markings[0].selectors", "no property 'description'");
        assertValid(with(indicator(), "description", "secret", "granular_markings", list(marking)));
    }

    @Test
    void granularMarkingSelectorsFollowListIndexes() {
        Object phases = list(map("kill_chain_name", "mitre-attack", "phase_name", "discovery"));
        Object ok = map("marking_ref", TlpMarkings.TLP1_IDS.get("red"), "selectors", list("kill_chain_phases.[0].phase_name"));
        Object outOfRange = map("marking_ref", TlpMarkings.TLP1_IDS.get("red"), "selectors", list("kill_chain_phases.[1]"));
        assertValid(with(indicator(), "kill_chain_phases", phases, "granular_markings", list(ok)));
        assertRejected(with(indicator(), "kill_chain_phases", phases, "granular_markings", list(outOfRange)),
                "granular_markings[0].selectors", "out of range");
    }

    @Test
    void aGranularMarkingNeedsExactlyOneOfMarkingRefOrLang() {
        Object both = map("marking_ref", TlpMarkings.TLP1_IDS.get("red"), "lang", "en", "selectors", list("name"));
        Object neither = map("selectors", list("name"));
        assertRejected(with(indicator(), "granular_markings", list(both)), "granular_markings[0]", "exactly one");
        assertRejected(with(indicator(), "granular_markings", list(neither)), "granular_markings[0]", "exactly one");
        assertValid(with(indicator(), "granular_markings", list(map("lang", "de", "selectors", list("name")))));
    }

    @Test
    void theFourTlp1MarkingsAreValidByDefinition() {
        TlpMarkings.TLP1_IDS.forEach((level, id) -> assertValid(object(tlp1(level, id))));
    }

    @Test
    void aTlp1MarkingUnderAnotherIdIsRejected() {
        StixObject marking = object(tlp1("red", "marking-definition--11111111-2222-4333-8444-555555555555"));
        assertRejected(marking, "id", "predefined");
    }

    @Test
    void theFiveTlp2MarkingsAreValid() {
        TlpMarkings.TLP2_IDS.forEach((level, id) -> assertValid(object(tlp2(level, id, TlpMarkings.tlp2Name(level)))));
    }

    @Test
    void aTlp2MarkingWithTheWrongNameOrIdIsRejected() {
        assertRejected(object(tlp2("red", TlpMarkings.TLP2_IDS.get("red"), "TLP:AMBER")), "name", "TLP:RED");
        assertRejected(object(tlp2("red", TlpMarkings.TLP2_IDS.get("green"), "TLP:RED")), "id", TlpMarkings.TLP2_IDS.get("red"));
        assertRejected(object(tlp2("pink", TlpMarkings.TLP2_IDS.get("red"), "TLP:PINK")),
                "extensions." + TLP_EXTENSION + ".tlp_2_0", "one of");
    }

    @Test
    void theClearMarkingIdIsTheOneOasisPublishes() {
        assertThat(TlpMarkings.TLP2_IDS.get("clear")).isEqualTo("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
        assertThat(TlpMarkings.tlp2LevelOf("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003")).contains("amber+strict");
    }

    @Test
    void aStatementMarkingNeedsItsStatement() {
        Map<String, Object> marking = marking("marking-definition--3ab4b0e6-8a0b-4b6a-a44c-13d2c0d1bfb5");
        marking.put("definition_type", "statement");
        marking.put("definition", map("statement", "Copyright 2026, Entente"));
        assertValid(object(marking));
        assertRejected(with(marking, "definition", map("text", "x")), "definition.statement", "statement");
    }

    @Test
    void aMarkingWithNeitherDefinitionNorExtensionIsRejected() {
        assertRejected(object(marking("marking-definition--3ab4b0e6-8a0b-4b6a-a44c-13d2c0d1bfb5")), "definition_type", "extension");
    }

    @Test
    void aMarkingDefinitionMustNotMarkItself() {
        Map<String, Object> marking = tlp1("red", TlpMarkings.TLP1_IDS.get("red"));
        assertRejected(with(marking, "object_marking_refs", list(marking.get("id"))), "object_marking_refs[0]", "itself");
    }

    @Test
    void extensionKeysMustBeExtensionDefinitionIdsOrEndInExt() {
        assertRejected(with(indicator(), "extensions", map("acme", map("a", integer(1)))), "extensions.acme", "-ext");
        assertValid(with(indicator(), "extensions",
                map("extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e", map("extension_type", "property-extension", "rank", integer(1)))));
    }

    @Test
    void anExtensionTypeOutsideTheEnumerationIsRejected() {
        String key = "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e";
        assertRejected(with(indicator(), "extensions", map(key, map("extension_type", "new-thing"))),
                "extensions." + key + ".extension_type", "extension-type-enum");
    }

    @Test
    void customExtensionsNamedByExtAreAcceptedWithADeprecationWarning() {
        StixObject object = with(indicator(), "extensions", map("x-acme-ext", map("a", integer(1))));
        assertThat(errors(object)).isEmpty();
        assertThat(warnings(object)).anyMatch(v -> v.property().equals("extensions.x-acme-ext") && v.rule().contains("deprecated"));
    }

    @Test
    void anEmptyExtensionIsRejected() {
        assertRejected(with(indicator(), "extensions", map("x-acme-ext", map())), "extensions.x-acme-ext", "non-empty");
    }

    @Test
    void propertiesEndingInRefMustHoldIdentifiersAtAnyDepth() {
        assertRejected(with(indicator(), "x_acme_owner_ref", "bob"), "x_acme_owner_ref", "identifier");
        assertRejected(with(indicator(), "x_acme_links", list(map("target_refs", list("nope")))),
                "x_acme_links[0].target_refs[0]", "identifier");
        assertValid(with(indicator(), "x_acme_owner_ref", IDENTITY));
    }

    private static Map<String, Object> marking(String id) {
        return map("type", "marking-definition", "spec_version", "2.1", "id", id, "created", TlpMarkings.TLP1_CREATED);
    }

    private static Map<String, Object> tlp1(String level, String id) {
        Map<String, Object> marking = marking(id);
        marking.put("definition_type", "tlp");
        marking.put("definition", map("tlp", level));
        return marking;
    }

    private static Map<String, Object> tlp2(String level, String id, String name) {
        Map<String, Object> marking = marking(id);
        marking.put("created", "2022-10-01T00:00:00.000Z");
        marking.put("name", name);
        marking.put("extensions", map(TLP_EXTENSION, map("extension_type", "property-extension", "tlp_2_0", level)));
        return marking;
    }
}
