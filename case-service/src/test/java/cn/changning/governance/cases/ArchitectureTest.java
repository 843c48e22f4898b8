package cn.changning.governance.cases;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain holds rules only: no Spring, no stores, no Kafka, no web (the reference-data module checks its own). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.changning.governance.cases");

    @Test
    void theDomainIsFreeOfFrameworksAndInfrastructure() {
        noClasses().that().resideInAnyPackage("..cases.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "jakarta.persistence..", "jakarta.servlet..", "..cases.api..", "..cases.projection..",
                        "..cases.policy..", "..cases.config..")
                .check(CLASSES);
    }

    @Test
    void theServiceUsesNoOtherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("cn.changning.governance.dispatch..",
                        "cn.changning.governance.assessment..", "cn.changning.governance.party..")
                .check(CLASSES);
    }
}
