package org.entente.core.stix;

import java.util.Map;
import java.util.Optional;

/**
 * Marking definitions (section 7.2.1): either {@code definition_type} with {@code definition}, or an
 * extension (such as TLP 2.0). TLP 1.0 markings MUST be the four predefined objects of 7.2.1.4; a TLP 2.0
 * marking (extension {@link TlpMarkings#TLP2_EXTENSION}) MUST be one of the five published objects, with
 * the matching id, name and {@code tlp_2_0} level.
 */
final class MarkingDefinitionRules {
    private MarkingDefinitionRules() {}

    static void check(StixObject object, Findings findings) {
        boolean hasType = object.has("definition_type");
        boolean hasDefinition = object.has("definition");
        if (hasType != hasDefinition) {
            findings.error(hasType ? "definition" : "definition_type",
                    "definition_type and definition MUST be present together (7.2.1)");
        }
        if (!hasType && !hasDefinition && !object.has("extensions")) {
            findings.error("definition_type", "a marking definition MUST have definition_type and definition, "
                    + "or an extension that defines the marking (7.2.1)");
        }
        if (hasDefinition && JsonValues.object(object.get("definition")).isEmpty()) {
            findings.error("definition", "definition MUST be an object (7.2.1)");
        }
        Object definitionType = object.get("definition_type");
        if ("tlp".equals(definitionType)) tlp1(object, findings);
        if ("statement".equals(definitionType)) statement(object, findings);
        TlpMarkings.tlp1LevelOf(object.id()).ifPresent(level -> {
            if (!"tlp".equals(definitionType)) {
                findings.error("definition_type", "the predefined TLP 1.0 marking " + object.id()
                        + " MUST have definition_type 'tlp' (7.2.1.4)");
            }
        });
        tlp2(object, findings);
    }

    private static void tlp1(StixObject object, Findings findings) {
        Object level = JsonValues.object(object.get("definition")).map(d -> d.get("tlp")).orElse(null);
        if (!(level instanceof String tlp) || !TlpMarkings.TLP1_IDS.containsKey(tlp)) {
            findings.error("definition.tlp", "definition.tlp MUST be one of white, green, amber, red (7.2.1.4)");
            return;
        }
        String expected = TlpMarkings.TLP1_IDS.get(tlp);
        if (!expected.equals(object.id())) {
            findings.error("id", "TLP 1.0 " + tlp + " MUST be represented by the predefined marking " + expected + " (7.2.1.4)");
        }
    }

    private static void statement(StixObject object, Findings findings) {
        Object statement = JsonValues.object(object.get("definition")).map(d -> d.get("statement")).orElse(null);
        if (!(statement instanceof String)) {
            findings.error("definition.statement", "a statement marking MUST have definition.statement, a string (7.2.1.3)");
        }
    }

    private static void tlp2(StixObject object, Findings findings) {
        Optional<String> levelById = TlpMarkings.tlp2LevelOf(object.id());
        Optional<Map<String, Object>> extension = JsonValues.object(object.get("extensions"))
                .flatMap(e -> JsonValues.object(e.get(TlpMarkings.TLP2_EXTENSION)));
        if (levelById.isEmpty() && extension.isEmpty()) return;
        String path = "extensions." + TlpMarkings.TLP2_EXTENSION;
        if (extension.isEmpty()) {
            findings.error(path, "the TLP 2.0 marking " + object.id() + " MUST carry the TLP 2.0 extension");
            return;
        }
        Object level = extension.get().get("tlp_2_0");
        if (!(level instanceof String tlp) || !TlpMarkings.TLP2_IDS.containsKey(tlp)) {
            findings.error(path + ".tlp_2_0", "tlp_2_0 MUST be one of clear, green, amber, amber+strict, red");
            return;
        }
        if (!"property-extension".equals(extension.get().get("extension_type"))) {
            findings.error(path + ".extension_type", "the TLP 2.0 extension MUST have extension_type 'property-extension'");
        }
        String expectedId = TlpMarkings.TLP2_IDS.get(tlp);
        if (!expectedId.equals(object.id())) {
            findings.error("id", "TLP 2.0 " + tlp + " MUST be represented by the published marking " + expectedId);
        }
        String expectedName = TlpMarkings.tlp2Name(tlp);
        if (!expectedName.equals(object.get("name"))) {
            findings.error("name", "the TLP 2.0 " + tlp + " marking MUST be named '" + expectedName + "'");
        }
    }
}
