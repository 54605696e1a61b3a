package se.samlyft.bench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import se.samlyft.enrolment.EnrolmentApplication;
import se.samlyft.enrolment.enrolment.EnrolmentEvent;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.TimeStatement;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.CourseFormat;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;

/** The benchmark's in-process enrolment history calls enrolment-service's use cases, never what lies beneath them. */
class ArchitectureTest {

    private static final JavaClasses BENCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.samlyft.bench");

    @Test
    void theBenchDependsOnEnrolmentsUseCasesAndValuesOnly() {
        noClasses()
                .that()
                .resideInAPackage("se.samlyft.bench..")
                .should()
                .dependOnClassesThat(resideInAPackage("se.samlyft.enrolment..")
                        .and(not(resideInAPackage("se.samlyft.enrolment.enrolment.application..")))
                        .and(not(belongToAnyOf(
                                // The service itself, started in this JVM, and the events it records.
                                EnrolmentApplication.class,
                                EnrolmentEvent.class,
                                // The aggregate's values.
                                EnrolmentState.class,
                                RequestedBy.class,
                                TimeStatement.class,
                                // The local copies of courses, offerings and people that the replay takes.
                                Course.class,
                                CourseFormat.class,
                                Offering.class,
                                Person.class,
                                PersonStatus.class))))
                .because("the bench replays histories through the use cases, not the seat desk or the repositories")
                .check(BENCH);
    }
}
