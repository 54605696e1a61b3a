package se.samlyft.enrolment;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.SeatDesk;
import se.samlyft.enrolment.enrolment.SeatLedger;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.offering.Courses;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.enrolment.person.People;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.Denied;
import se.samlyft.testsupport.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.samlyft.enrolment");

    ArchitectureTest() {
        super("se.samlyft.enrolment");
    }

    @Test
    void theControllerAndListenersCallTheUseCasesOnly() {
        noClasses()
                .that()
                .resideInAnyPackage("..enrolment.enrolment.web..", "..enrolment.enrolment.messaging..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        Enrolments.class,
                        Seats.class,
                        SeatDesk.class,
                        SeatLedger.class,
                        Offerings.class,
                        Courses.class,
                        People.class)
                .orShould()
                .dependOnClassesThat(resideInAnyPackage(
                        "..persistence..", "org.springframework.transaction..", "org.springframework.jdbc.."))
                .because("the web and the listeners map their input to a use case, which loads and stores")
                .check(CLASSES);
    }

    @Test
    void theControllerHoldsNoTransactionAndNoPermissionRule() {
        noClasses()
                .that(simpleNameEndingWith("Controller"))
                .should()
                .callMethod(Caller.class, "hasRole", String.class)
                .orShould()
                .callMethod(Caller.class, "hasRole", se.samlyft.platform.security.Role.class)
                .orShould()
                .callMethod(Caller.class, "hasAnyRole", se.samlyft.platform.security.Role[].class)
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Denied.class, se.samlyft.platform.security.Role.class)
                .because("who may do what is EnrolmentPolicy's to say")
                .check(CLASSES);
        noMethods()
                .that()
                .areDeclaredInClassesThat(simpleNameEndingWith("Controller"))
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(CLASSES);
        noClasses()
                .that(simpleNameEndingWith("Controller"))
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(CLASSES);
    }
}
