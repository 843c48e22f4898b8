package cn.changning.governance.systemtests;

import cn.changning.governance.common.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules that keep the services apart and the domain clean, checked on every module's classes. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureRules.NOT_FIXTURES)
                .importPackages("cn.changning.governance");
    }

    /** Each package the rules here and in the services' own ArchitectureTests name holds classes. */
    @Test
    void everyPackageTheRulesNameExists() {
        ArchitectureRules.requirePackagesExist(classes, ArchitectureRules.SERVICE_PACKAGES.stream().map(p -> p + "..").toArray(String[]::new));
        ArchitectureRules.requirePackagesExist(classes, "cn.changning.governance..domain..", "cn.changning.governance.contracts..",
                "cn.changning.governance.common..", "cn.changning.governance.embedded..");
    }

    @ParameterizedTest
    @FieldSource("cn.changning.governance.common.testing.ArchitectureRules#SERVICE_PACKAGES")
    void thePackagesOfEachServiceAreFreeOfCycles(String servicePackage) {
        ArchitectureRules.packagesFreeOfCycles(servicePackage).check(classes);
    }

    @Test
    void aggregatesHoldRulesOnlyNoFrameworkOrInputOutput() {
        noClasses().that().resideInAPackage("cn.changning.governance..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "java.sql..", "javax.sql..", "jakarta.persistence..", "java.net.http..", "java.io..")
                .because("aggregates hold the rules; storage, messaging and the web belong to other layers")
                .check(classes);
    }

    @Test
    void everyRouteOfEveryServiceNamesTheScopeItAsksOfAToken() {
        ArchitectureRules.everyRouteNamesItsScope().check(classes);
    }

    @Test
    void servicesMeetOnlyThroughTheEventContracts() {
        slices().matching("cn.changning.governance.(cases|dispatch|assessment|partyregistry)..")
                .should().notDependOnEachOther()
                .because("a service reacts to another's published events; it never uses its code")
                .check(classes);
    }

    @Test
    void theContractsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("cn.changning.governance.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.changning.governance.common..", "cn.changning.governance.cases..",
                        "cn.changning.governance.dispatch..", "org.springframework..", "org.axonframework..")
                .check(classes);
    }

    @Test
    void theSharedWiringKnowsNoService() {
        noClasses().that().resideInAnyPackage("cn.changning.governance.common..", "cn.changning.governance.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.changning.governance.cases..", "cn.changning.governance.dispatch..",
                        "cn.changning.governance.assessment..", "cn.changning.governance.partyregistry..")
                .check(classes);
    }

    @Test
    void theReferenceDataIsPlainJavaAndKnowsNoService() {
        noClasses().that().resideInAPackage("cn.changning.governance.reference..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.axonframework..", "cn.changning.governance.common..",
                        "cn.changning.governance.contracts..", "cn.changning.governance.cases..",
                        "cn.changning.governance.dispatch..", "cn.changning.governance.assessment..",
                        "cn.changning.governance.partyregistry..")
                .because("reference data has one owner, used by every service and by domain code alike")
                .check(classes);
    }
}
