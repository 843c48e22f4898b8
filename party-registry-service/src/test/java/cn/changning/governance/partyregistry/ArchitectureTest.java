package cn.changning.governance.partyregistry;

import cn.changning.governance.common.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain holds rules only: no Spring, no stores, no Kafka, no web; the packages are free of cycles. */
class ArchitectureTest {

    private static final String SERVICE = "cn.changning.governance.partyregistry";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVICE);

    /** The layers around the domain (the import is one of them once it exists). */
    private static final String[] OWN_LAYERS = {"..partyregistry.api..", "..partyregistry.projection..",
            "..partyregistry.config..", "..partyregistry.importing.."};

    @Test
    void theDomainIsFreeOfFrameworksAndInfrastructure() {
        ArchitectureRules.requirePackagesExist(CLASSES, "..partyregistry.domain..", "..partyregistry.config..",
                "..partyregistry.api..", "..partyregistry.projection..");
        noClasses().that().resideInAnyPackage("..partyregistry.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "jakarta.persistence..", "jakarta.servlet..", "java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().resideInAnyPackage(OWN_LAYERS)
                .check(CLASSES);
    }

    @Test
    void theAggregatesNeverHoldTheKeysToPersonalData() {
        // The domain sees sealed values only: it cannot open them, so no rule can depend on a clear value.
        noClasses().that().resideInAnyPackage("..partyregistry.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.changning.governance.common.personaldata..")
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
