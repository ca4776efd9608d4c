package org.entente.core.stix;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Jackson may appear only in the codec package, so the model and the rules stay free of it. */
class JacksonStaysInTheCodecTest {
    @Test
    void onlyTheCodecPackageUsesJackson() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.entente.core.stix");
        noClasses().that().resideOutsideOfPackage("org.entente.core.stix.codec..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }
}
