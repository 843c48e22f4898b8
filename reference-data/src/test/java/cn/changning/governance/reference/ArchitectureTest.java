package cn.changning.governance.reference;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Reference data is plain Java and Jackson, so domain code and every service can use it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.changning.governance.reference");

    @Test
    void noFrameworkNoInfrastructureNoServiceCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "com.mongodb..", "org.bson..", "org.apache.kafka..", "jakarta..",
                        "cn.changning.governance.common..", "cn.changning.governance.contracts..",
                        "cn.changning.governance.cases..", "cn.changning.governance.dispatch..",
                        "cn.changning.governance.assessment..", "cn.changning.governance.partyregistry..")
                .check(CLASSES);
    }

    @Test
    void theKindsOfReferenceDataDoNotDependInACycle() {
        slices().matching("cn.changning.governance.reference.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
