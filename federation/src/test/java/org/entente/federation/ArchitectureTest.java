package org.entente.federation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md's layering inside federation: Jackson only in codecs, identity below envelopes, no cycles. */
class ArchitectureTest {
    private static final JavaClasses FEDERATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.entente.federation");

    @Test
    void jacksonIsUsedOnlyInCodecPackages() {
        noClasses().that().resideOutsideOfPackage("..codec..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(FEDERATION);
    }

    @Test
    void identityKnowsNothingOfEnvelopes() {
        noClasses().that().resideInAPackage("..federation.identity..")
                .should().dependOnClassesThat().resideInAPackage("..federation.envelope..")
                .check(FEDERATION);
    }

    @Test
    void bouncyCastleStaysInTheCertificateMaker() {
        noClasses().that().doNotHaveSimpleName("SelfSignedTlsCertificates")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(FEDERATION);
    }

    /** An area's codec sub-package belongs to the area (the codec reads the model, the signer uses the codec). */
    @Test
    void areasHaveNoCycles() {
        slices().matching("org.entente.federation.(*)..").should().beFreeOfCycles().check(FEDERATION);
    }
}
