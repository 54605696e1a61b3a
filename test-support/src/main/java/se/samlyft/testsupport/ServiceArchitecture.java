package se.samlyft.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules every service keeps, checked over its production classes. Packages are capabilities
 * ({@code se.samlyft.catalog.course}); inside one, adapters live in {@code web}, {@code messaging} and
 * {@code persistence}, and everything else is domain code, free of Spring, Jakarta and Jackson. Each rule fails if
 * it matches no class, so a rule cannot pass by naming nothing.
 */
public final class ServiceArchitecture {

    private static final String[] FRAMEWORKS = {
        "org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml.jackson..", "org.apache.kafka.."
    };

    private final String basePackage;
    private final JavaClasses classes;

    private ServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage);
    }

    /** Domain classes (outside the adapter packages and the application's configuration) import no framework. */
    public void domainIsFreeOfFrameworks() {
        noClasses()
                .that()
                .resideInAPackage(basePackage + ".(*)..")
                .and()
                .resideOutsideOfPackages("..web..", "..messaging..", "..persistence..", "..config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("domain code states the business rules and must read without the framework")
                .check(classes);
    }

    /** No capability reaches into another's {@code internal} package. */
    public void internalsStayInTheirCapability() {
        slices().matching(basePackage + ".(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("..internal.."))
                .because("what a capability keeps internal is its own")
                .check(classes);
    }

    /** Capabilities do not depend on each other in a cycle. */
    public void capabilitiesAreFreeOfCycles() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
