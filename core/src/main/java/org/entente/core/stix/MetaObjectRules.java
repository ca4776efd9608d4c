package org.entente.core.stix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Language content (7.1), extension definitions (7.3) and the bundle (chapter 8); marking definitions have
 * {@link MarkingDefinitionRules}.
 */
final class MetaObjectRules {
    private MetaObjectRules() {}

    static void check(StixObject object, Findings findings) {
        switch (object.type()) {
            case "marking-definition" -> MarkingDefinitionRules.check(object, findings);
            case "language-content" -> languageContent(object, findings);
            case "extension-definition" -> extensionDefinition(object, findings);
            default -> { }
        }
    }

    private static void languageContent(StixObject object, Findings findings) {
        if (!object.has("contents")) return;
        Optional<Map<String, Object>> contents = JsonValues.object(object.get("contents"));
        if (contents.isEmpty() || contents.get().isEmpty()) {
            findings.error("contents", "contents MUST be a non-empty dictionary of language to translated properties (7.1)");
            return;
        }
        contents.get().forEach((language, translations) -> {
            if (JsonValues.object(translations).isEmpty()) {
                findings.error("contents." + language, "the contents for a language MUST be a dictionary of property to translation (7.1)");
            }
        });
    }

    private static void extensionDefinition(StixObject object, Findings findings) {
        for (String name : List.of("name", "schema", "version")) {
            DomainObjectRules.requireString(object, name, "7.3", findings);
        }
        if (!object.has("extension_types")) return;
        Optional<List<Object>> types = JsonValues.list(object.get("extension_types"));
        if (types.isEmpty()) {
            findings.error("extension_types", "extension_types MUST be a list of extension-type-enum values (7.3)");
            return;
        }
        for (int i = 0; i < types.get().size(); i++) {
            if (!Vocabularies.EXTENSION_TYPE.contains(types.get().get(i))) {
                findings.error("extension_types[" + i + "]", "extension_types MUST hold values of extension-type-enum "
                        + Vocabularies.EXTENSION_TYPE.stream().sorted().toList() + " (7.3)");
            }
        }
    }

    /** Chapter 8: a bundle's objects, when present, are a non-empty list of objects. */
    static void bundle(StixObject object, Findings findings) {
        if (object.has("objects") && !(object.get("objects") instanceof List<?> list && !list.isEmpty())) {
            findings.error("objects", "objects MUST be a non-empty list of STIX objects (8)");
        }
    }
}
