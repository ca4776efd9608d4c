package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.stix.ValidObjects.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaObjectRulesTest {
    private static Map<String, Object> languageContent() {
        return sdo("language-content", "b86b3322-b8d7-4a72-ba10-8a1bb95c3f2f", "object_ref", INDICATOR,
                "contents", map("de", map("name", "C2-Adresse")));
    }

    private static Map<String, Object> extensionDefinition() {
        return sdo("extension-definition", "d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e", "created_by_ref", IDENTITY,
                "name", "Entente exercise marking", "schema", "https://entente.example/schema.json", "version", "1.0.0",
                "extension_types", list("property-extension"));
    }

    @Test
    void aLanguageContentWithItsRequiredPropertiesIsValid() {
        assertThat(violations(object(languageContent()))).isEmpty();
    }

    @Test
    void languageContentNeedsObjectRefAndContentsByLanguage() {
        assertRejected(with(languageContent(), "object_ref", ABSENT), "object_ref", "required for language-content (7.1)");
        assertRejected(with(languageContent(), "contents", map("de", "C2-Adresse")), "contents.de", "dictionary");
    }

    @Test
    void anExtensionDefinitionWithItsRequiredPropertiesIsValid() {
        assertThat(violations(object(extensionDefinition()))).isEmpty();
    }

    @Test
    void anExtensionDefinitionNeedsACreatorAndKnownExtensionTypes() {
        assertRejected(with(extensionDefinition(), "created_by_ref", ABSENT), "created_by_ref", "required");
        assertRejected(with(extensionDefinition(), "extension_types", list("new-thing")), "extension_types[0]", "extension-type-enum");
    }

    @Test
    void aBundleNeedsATypeAndAnIdOnly() {
        assertThat(violations(object(map("type", "bundle", "id", "bundle--44af6c39-c09b-49c5-9de2-394224b04982")))).isEmpty();
        assertRejected(object(map("type", "bundle", "id", "bundle--1")), "id", "UUID");
        assertRejected(object(map("type", "bundle", "id", "bundle--44af6c39-c09b-49c5-9de2-394224b04982", "objects", list())),
                "objects", "non-empty");
    }

    @Test
    void aCustomObjectIsCheckedForWhatItHas() {
        Map<String, Object> custom = map("type", "x-acme-widget", "spec_version", "2.1",
                "id", "x-acme-widget--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "created", CREATED, "modified", CREATED,
                "x_colour", "blue");
        assertThat(errors(object(custom))).isEmpty();
        assertRejected(with(custom, "modified", "2000-01-01T00:00:00.000Z"), "modified", "created");
    }
}
