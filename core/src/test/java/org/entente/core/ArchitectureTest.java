package org.entente.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: core knows nothing of HTTP or SQL, and Jackson appears only in its codecs. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.entente.core");

    @Test
    void jacksonIsUsedOnlyInCodecPackages() {
        noClasses().that().resideOutsideOfPackage("..codec..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(CORE);
    }

    @Test
    void coreKnowsNothingOfHttpOrSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "java.net.http..", "io.javalin..", "org.jdbi..", "jakarta.servlet..")
                .check(CORE);
    }

    @Test
    void coreDependsOnNoOuterModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.entente.store..", "org.entente.federation..", "org.entente.server..")
                .check(CORE);
    }
}
