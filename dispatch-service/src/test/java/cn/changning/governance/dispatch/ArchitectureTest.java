package cn.changning.governance.dispatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dispatch domain stays plain Java and Axon; the service meets the others only through the contracts. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.changning.governance.dispatch");

    @Test
    void theDomainIsFreeOfSpringAndStores() {
        noClasses().that().resideInAPackage("..dispatch.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "jakarta.persistence..", "..dispatch.projection..", "..dispatch.api..")
                .check(CLASSES);
    }

    @Test
    void otherServicesAreReachedOnlyThroughTheContracts() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("cn.changning.governance.cases..",
                        "cn.changning.governance.assessment..", "cn.changning.governance.partyregistry..")
                .check(CLASSES);
    }
}
