package se.samlyft.platform.problem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ProblemPackageTest {

    @Test
    void refusalsAndETagsImportNoFrameworkSoThatDomainCodeMayUseThem() {
        noClasses()
                .that()
                .resideInAPackage("se.samlyft.platform.problem")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml.jackson..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(location -> !location.contains("/se/samlyft/platform/problem/web/"))
                        .importPackages("se.samlyft.platform.problem"));
    }
}
