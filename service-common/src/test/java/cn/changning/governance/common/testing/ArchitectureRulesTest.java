package cn.changning.governance.common.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared rules fail on what they forbid, and never pass for want of classes. */
class ArchitectureRulesTest {

    private static final String FIXTURES = "cn.changning.governance.common.testing.archfixture";

    @Test
    void theCycleRuleFailsOnTwoPackagesThatUseEachOther() {
        JavaClasses cyclic = new ClassFileImporter().importPackages(FIXTURES + ".cycle");

        assertThatThrownBy(() -> ArchitectureRules.packagesFreeOfCycles(FIXTURES + ".cycle").check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("cycle.a.Alpha")
                .hasMessageContaining("cycle.b.Beta");
    }

    @Test
    void theRouteRuleNamesTheRouteWithoutAScope() {
        JavaClasses routes = new ClassFileImporter().importPackages(FIXTURES + ".routes");

        assertThatThrownBy(() -> ArchitectureRules.everyRouteNamesItsScope().check(routes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FixtureRoutes.unruled()")
                .hasMessageNotContaining("FixtureRoutes.ruled()");
    }

    @Test
    void theCycleRulePassesWhenTheDependenciesGoOneWay() {
        JavaClasses acyclic = new ClassFileImporter().importPackages(FIXTURES + ".acyclic");

        assertThatCode(() -> ArchitectureRules.packagesFreeOfCycles(FIXTURES + ".acyclic").check(acyclic))
                .doesNotThrowAnyException();
    }

    @Test
    void theCycleRuleFailsWhenItsRootPackageHoldsNoClass() {
        JavaClasses acyclic = new ClassFileImporter().importPackages(FIXTURES + ".acyclic");

        assertThatThrownBy(() -> ArchitectureRules.packagesFreeOfCycles("cn.changning.governance.party").check(acyclic))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cn.changning.governance.party");
    }

    @Test
    void aPackageNameThatMatchesNoClassIsRefused() {
        JavaClasses acyclic = new ClassFileImporter().importPackages(FIXTURES + ".acyclic");

        assertThatCode(() -> ArchitectureRules.requirePackagesExist(acyclic, "..acyclic.a..", "..acyclic.b.."))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.requirePackagesExist(acyclic, "..acyclic.a..", "..party.."))
                .isInstanceOf(AssertionError.class).hasMessageContaining("..party..");
    }

    @Test
    void theFixturesAreLeftOutOfTheRealRulesImports() {
        JavaClasses imported = new ClassFileImporter().withImportOption(ArchitectureRules.NOT_FIXTURES)
                .importPackages("cn.changning.governance.common");

        assertThat(imported.stream().map(c -> c.getPackageName())).noneMatch(p -> p.contains("archfixture"));
        assertThat(imported.contain(ArchitectureRules.class)).isTrue();
    }

    @Test
    void theOtherServicesAreAllButOne() {
        assertThat(ArchitectureRules.otherServicesThan("cn.changning.governance.cases")).containsExactly(
                "cn.changning.governance.dispatch..", "cn.changning.governance.assessment..", "cn.changning.governance.partyregistry..");
    }
}
