package cn.changning.governance.common.testing;

import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import cn.changning.governance.common.security.RequiresScope;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Architecture rules every service checks on its own classes, and the names they rely on. A rule
 * that names a package no class lives in passes without checking anything: {@link #requirePackagesExist}
 * turns such a name into a failure, and the cycle rule fails when its root package holds no class.
 */
public final class ArchitectureRules {

    public static final String ROOT = "cn.changning.governance";

    /** The root package of each service; the system tests check that each one holds classes. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            ROOT + ".cases", ROOT + ".dispatch", ROOT + ".assessment", ROOT + ".partyregistry");

    /** Leaves out the deliberately broken classes that {@code ArchitectureRulesTest} checks the rules against. */
    public static final ImportOption NOT_FIXTURES = location -> !location.contains("/archfixture/");

    private ArchitectureRules() {
    }

    /**
     * Every package below {@code rootPackage} (each one a slice, however deep) is free of cycles:
     * no package reaches itself again through the packages it uses. Fails if no class lives in
     * {@code rootPackage} at all (a misspelt name); a service that is still one class passes.
     */
    public static ArchRule packagesFreeOfCycles(String rootPackage) {
        ArchRule exists = classes().that().resideInAPackage(rootPackage + "..")
                .should().resideInAPackage(rootPackage + "..")
                .allowEmptyShould(false)
                .as("classes live in " + rootPackage);
        ArchRule acyclic = slices().matching(rootPackage + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
        return CompositeArchRule.of(exists).and(acyclic).as("the packages of " + rootPackage + " are free of cycles");
    }

    /** Where a service keeps an Open311 GeoReport v2 facade: routes that take an {@code api_key}, not a token. */
    public static final String OPEN311_FACADE = "..api.open311..";

    /**
     * Every route of a REST controller names the scope it asks of a token ({@code @RequiresScope}): a new endpoint
     * without its rule fails here, and is refused at run time meanwhile. The one exception is an Open311 facade
     * ({@code ..api.open311..}): Open311 clients send no token, the facade checks their {@code api_key} itself.
     */
    public static ArchRule everyRouteNamesItsScope() {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .and().areAnnotatedWith(GetMapping.class).or().areAnnotatedWith(PostMapping.class)
                .or().areAnnotatedWith(PutMapping.class).or().areAnnotatedWith(PatchMapping.class)
                .or().areAnnotatedWith(DeleteMapping.class).or().areAnnotatedWith(RequestMapping.class)
                .and().areDeclaredInClassesThat().resideOutsideOfPackage(OPEN311_FACADE)
                .should().beAnnotatedWith(RequiresScope.class)
                .allowEmptyShould(true)
                .as("every route names the scope it asks of a token (@RequiresScope)");
    }

    /** The other services' packages, for a rule that {@code ownPackage} must not use them ({@code "...dispatch.."}). */
    public static String[] otherServicesThan(String ownPackage) {
        if (!SERVICE_PACKAGES.contains(ownPackage)) {
            throw new IllegalArgumentException(ownPackage + " is not one of " + SERVICE_PACKAGES);
        }
        return SERVICE_PACKAGES.stream().filter(p -> !p.equals(ownPackage)).map(p -> p + "..").toArray(String[]::new);
    }

    /**
     * Fails unless each package identifier (ArchUnit syntax, e.g. {@code "..cases.domain.."}) matches
     * the package of at least one of {@code classes}.
     */
    public static void requirePackagesExist(JavaClasses classes, String... packageIdentifiers) {
        for (String identifier : packageIdentifiers) {
            PackageMatcher matcher = PackageMatcher.of(identifier);
            if (classes.stream().noneMatch(c -> matcher.matches(c.getPackageName()))) {
                throw new AssertionError("No imported class lives in " + identifier
                        + ": a rule naming it would pass without checking anything");
            }
        }
    }
}
