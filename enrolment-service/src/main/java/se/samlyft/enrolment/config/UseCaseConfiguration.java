package se.samlyft.enrolment.config;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.application.ApplyingForASeat;
import se.samlyft.enrolment.enrolment.application.DecidingAnApproval;
import se.samlyft.enrolment.enrolment.application.EnrolmentLookup;
import se.samlyft.enrolment.enrolment.application.EnrolmentPolicy;
import se.samlyft.enrolment.enrolment.application.Evaluating;
import se.samlyft.enrolment.enrolment.application.FollowingAnOffering;
import se.samlyft.enrolment.enrolment.application.KeepingCatalogCopies;
import se.samlyft.enrolment.enrolment.application.KeepingPeopleCopies;
import se.samlyft.enrolment.enrolment.application.ReadingEnrolments;
import se.samlyft.enrolment.enrolment.application.RecordingAttendance;
import se.samlyft.enrolment.enrolment.application.RecordingTime;
import se.samlyft.enrolment.enrolment.application.ReplayingHistory;
import se.samlyft.enrolment.enrolment.application.TakingTheCourse;
import se.samlyft.enrolment.enrolment.application.Transactions;
import se.samlyft.enrolment.enrolment.application.Withdrawing;
import se.samlyft.enrolment.offering.Courses;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.enrolment.person.People;

/** The use cases of the enrolment wing, framework-free classes, as beans for the adapters that call them. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    EnrolmentPolicy enrolmentPolicy(People people) {
        return new EnrolmentPolicy(people);
    }

    @Bean
    EnrolmentLookup enrolmentLookup(
            Enrolments enrolments, Offerings offerings, Courses courses, Transactions transactions, Clock clock) {
        return new EnrolmentLookup(enrolments, offerings, courses, transactions, clock);
    }

    @Bean
    ApplyingForASeat applyingForASeat(EnrolmentPolicy policy, People people, Seats seats, EnrolmentLookup lookup) {
        return new ApplyingForASeat(policy, people, seats, lookup);
    }

    @Bean
    DecidingAnApproval decidingAnApproval(EnrolmentPolicy policy, Seats seats, EnrolmentLookup lookup) {
        return new DecidingAnApproval(policy, seats, lookup);
    }

    @Bean
    Withdrawing withdrawing(EnrolmentPolicy policy, Seats seats, EnrolmentLookup lookup) {
        return new Withdrawing(policy, seats, lookup);
    }

    @Bean
    TakingTheCourse takingTheCourse(EnrolmentPolicy policy, EnrolmentLookup lookup) {
        return new TakingTheCourse(policy, lookup);
    }

    @Bean
    RecordingAttendance recordingAttendance(EnrolmentPolicy policy, EnrolmentLookup lookup) {
        return new RecordingAttendance(policy, lookup);
    }

    @Bean
    Evaluating evaluating(EnrolmentPolicy policy, EnrolmentLookup lookup) {
        return new Evaluating(policy, lookup);
    }

    @Bean
    RecordingTime recordingTime(
            EnrolmentPolicy policy, Enrolments enrolments, Transactions transactions, EnrolmentLookup lookup) {
        return new RecordingTime(policy, enrolments, transactions, lookup);
    }

    @Bean
    ReadingEnrolments readingEnrolments(EnrolmentPolicy policy, Enrolments enrolments, EnrolmentLookup lookup) {
        return new ReadingEnrolments(policy, enrolments, lookup);
    }

    @Bean
    FollowingAnOffering followingAnOffering(
            EnrolmentPolicy policy, Enrolments enrolments, Seats seats, EnrolmentLookup lookup) {
        return new FollowingAnOffering(policy, enrolments, seats, lookup);
    }

    @Bean
    KeepingCatalogCopies keepingCatalogCopies(
            Courses courses, Offerings offerings, Seats seats, EnrolmentLookup lookup) {
        return new KeepingCatalogCopies(courses, offerings, seats, lookup);
    }

    @Bean
    KeepingPeopleCopies keepingPeopleCopies(
            People people, Enrolments enrolments, Seats seats, Transactions transactions, EnrolmentLookup lookup) {
        return new KeepingPeopleCopies(people, enrolments, seats, transactions, lookup);
    }

    @Bean
    ReplayingHistory replayingHistory(Seats seats, Enrolments enrolments, JdbcClient jdbc) {
        return new ReplayingHistory(
                seats,
                enrolments,
                (offeringId, at) -> jdbc.sql("update offering set quota_release_handled_at = ? where id = ?")
                        .params(Timestamp.from(at), offeringId)
                        .update());
    }
}
