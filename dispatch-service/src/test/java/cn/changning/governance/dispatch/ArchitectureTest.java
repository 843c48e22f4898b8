package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dispatch domain stays plain Java and Axon; the service meets the others only through the contracts. */
class ArchitectureTest {

    private static final String SERVICE = "cn.changning.governance.dispatch";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVICE);

    @Test
    void theDomainIsFreeOfSpringAndStores() {
        ArchitectureRules.requirePackagesExist(CLASSES, "..dispatch.domain..", "..dispatch.projection..", "..dispatch.api..");
        noClasses().that().resideInAPackage("..dispatch.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "jakarta.persistence..", "..dispatch.projection..", "..dispatch.api..")
                .check(CLASSES);
    }

    @Test
    void otherServicesAreReachedOnlyThroughTheContracts() {
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
