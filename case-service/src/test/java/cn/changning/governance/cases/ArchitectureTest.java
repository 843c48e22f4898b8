package cn.changning.governance.cases;

import cn.changning.governance.common.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RestController;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain holds rules only: no Spring, no stores, no Kafka, no web (the reference-data module checks its own). */
class ArchitectureTest {

    private static final String SERVICE = "cn.changning.governance.cases";
    private static final String OPEN311 = ArchitectureRules.OPEN311_FACADE;

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVICE);

    @Test
    void theDomainIsFreeOfFrameworksAndInfrastructure() {
        String[] ownLayers = {"..cases.api..", "..cases.projection..", "..cases.policy..", "..cases.config.."};
        ArchitectureRules.requirePackagesExist(CLASSES, "..cases.domain..");
        ArchitectureRules.requirePackagesExist(CLASSES, ownLayers);
        noClasses().that().resideInAnyPackage("..cases.domain..")
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
    void theOpen311ControllersStayOutOfTheApiDocument() {
        ArchitectureRules.requirePackagesExist(CLASSES, OPEN311);
        classes().that().resideInAPackage(OPEN311).and().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(Hidden.class)
                .as("the Open311 specification documents its paths; their errors are not problem+json")
                .check(CLASSES);
    }

    @Test
    void itsPackagesAreFreeOfCycles() {
        ArchitectureRules.packagesFreeOfCycles(SERVICE).check(CLASSES);
    }
}
