package se.samlyft.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The web application's boundaries: pages reach the platform only through the API clients (no HTTP client of their
 * own), and the API clients know nothing of the pages.
 */
@AnalyzeClasses(packages = "se.samlyft.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule pagesCallTheApisThroughTheirClients = noClasses()
            .that()
            .resideInAnyPackage(
                    "se.samlyft.web.course..",
                    "se.samlyft.web.mine..",
                    "se.samlyft.web.manager..",
                    "se.samlyft.web.coordinator..",
                    "se.samlyft.web.projectleader..",
                    "se.samlyft.web.admin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web.client..", "java.net.http..");

    @ArchTest
    static final ArchRule theApiClientsKnowNoPage = noClasses()
            .that()
            .resideInAPackage("se.samlyft.web.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "se.samlyft.web.course..",
                    "se.samlyft.web.mine..",
                    "se.samlyft.web.manager..",
                    "se.samlyft.web.coordinator..",
                    "se.samlyft.web.projectleader..",
                    "se.samlyft.web.admin..",
                    "se.samlyft.web.home..",
                    "se.samlyft.web.page..");

    @ArchTest
    static final ArchRule pagesOfOneAudienceDoNotUseAnothers = noClasses()
            .that()
            .resideInAPackage("se.samlyft.web.mine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("se.samlyft.web.manager..", "se.samlyft.web.course..");

    @ArchTest
    static final ArchRule theAdministratorsPagesStandApart = noClasses()
            .that()
            .resideInAnyPackage("se.samlyft.web.coordinator..", "se.samlyft.web.projectleader..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("se.samlyft.web.admin..")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("se.samlyft.web.mine..", "se.samlyft.web.manager..");
}
