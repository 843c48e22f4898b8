package cn.changning.governance.assessment;

import cn.changning.governance.common.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain holds rules only: no Spring, no stores, no Kafka, no web; the packages are free of cycles. */
class ArchitectureTest {

    private static final String SERVICE = "cn.changning.governance.assessment";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVICE);

    @Test
    void theDomainIsFreeOfFrameworksAndInfrastructure() {
        String[] ownLayers = {"..assessment.api..", "..assessment.projection..", "..assessment.config.."};
        ArchitectureRules.requirePackagesExist(CLASSES, "..assessment.domain..");
        ArchitectureRules.requirePackagesExist(CLASSES, ownLayers);
        noClasses().that().resideInAnyPackage("..assessment.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "jakarta.persistence..", "jakarta.servlet..")
                .orShould().dependOnClassesThat().resideInAnyPackage(ownLayers)
                .check(CLASSES);
    }

    @Test
    void theServiceUsesNoOtherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(ArchitectureRules.otherServicesThan(SERVICE))
                .check(CLASSES);
    }

    @Test
    void everyRouteNamesTheScopeItAsksOfAToken() {
        ArchitectureRules.everyRouteNamesItsScope().check(CLASSES);
    }

    @Test
    void itsPackagesAreFreeOfCycles() {
        ArchitectureRules.packagesFreeOfCycles(SERVICE).check(CLASSES);
    }
}
