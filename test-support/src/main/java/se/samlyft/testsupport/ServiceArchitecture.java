package se.samlyft.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The package rules every service keeps, checked over its production classes. Packages are capabilities
 * ({@code se.samlyft.catalog.course}); inside one, adapters live in {@code web}, {@code messaging} and
 * {@code persistence}, and in a package a service names for an outbound client of its own (identity's
 * {@code keycloak}); everything else is domain code, free of Spring, Jakarta, Jackson, Kafka and Keycloak. Each rule
 * fails if it matches no class ({@code allowEmptyShould(false)}), so a rule cannot pass by naming nothing.
 */
public final class ServiceArchitecture {

    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "jakarta..",
        "tools.jackson..",
        "com.fasterxml.jackson..",
        "org.apache.kafka..",
        "org.keycloak.."
    };

    private static final List<String> ADAPTERS = List.of("web", "messaging", "persistence", "config");

    private final String basePackage;
    private final List<String> outboundAdapters;
    private final JavaClasses classes;

    private ServiceArchitecture(String basePackage, List<String> outboundAdapters) {
        this.basePackage = basePackage;
        this.outboundAdapters = List.copyOf(outboundAdapters);
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ServiceArchitecture of(String basePackage, String... outboundAdapters) {
        return new ServiceArchitecture(basePackage, List.of(outboundAdapters));
    }

    /** Domain classes (outside the adapter packages and the application's configuration) import no framework. */
    public void domainIsFreeOfFrameworks() {
        noClasses()
                .that()
                .resideInAPackage(basePackage + ".(*)..")
                .and()
                .resideOutsideOfPackages(adapterPackages())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("domain code states the business rules and must read without the framework")
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * The domain depends on its ports, never on the client behind one: an outbound adapter's classes are used by
     * adapters and configuration only. Fails for a named adapter package that holds no class.
     */
    public void outboundAdaptersServeOnlyAdapters() {
        for (String adapter : outboundAdapters) {
            classes()
                    .that()
                    .resideInAPackage(basePackage + ".." + adapter + "..")
                    .should()
                    .onlyHaveDependentClassesThat()
                    .resideInAnyPackage(adapterPackages())
                    .because("the domain calls its port, and only the wiring knows which client implements it")
                    .allowEmptyShould(false)
                    .check(classes);
        }
    }

    /** Whether the service names outbound adapter packages of its own. */
    public boolean hasOutboundAdapters() {
        return !outboundAdapters.isEmpty();
    }

    private String[] adapterPackages() {
        List<String> adapters = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            adapters.add(".." + adapter + "..");
        }
        for (String adapter : outboundAdapters) {
            adapters.add(".." + adapter + "..");
        }
        return adapters.toArray(String[]::new);
    }

    /** Capabilities do not depend on each other in a cycle. */
    public void capabilitiesAreFreeOfCycles() {
        slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false)
                .check(classes);
    }
}
