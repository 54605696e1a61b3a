package se.samlyft.enrolment.enrolment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.CourseFormat;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.tenancy.TenantId;

/** Offerings, courses and people of Akademi Norr's joint courses, for the domain tests. */
final class EnrolmentFixture {

    static final TenantId AKADEMI_NORR = TenantId.of("akademi-norr");
    static final TenantId ARVIDSJAUR = TenantId.of("arvidsjaur");
    static final TenantId MALA = TenantId.of("mala");
    static final TenantId SORSELE = TenantId.of("sorsele");

    /** Enrolment opens on 1 August and closes on 20 August; the course starts on 1 September. */
    static final Instant OPENS = Instant.parse("2026-08-01T06:00:00Z");

    static final Instant DURING_ENROLMENT = Instant.parse("2026-08-10T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-08-20T22:00:00Z");
    static final Instant STARTS = Instant.parse("2026-09-01T06:00:00Z");
    static final Instant ENDS = Instant.parse("2026-12-18T15:00:00Z");
    static final Instant RELEASE = Instant.parse("2026-08-15T22:00:00Z");

    private EnrolmentFixture() {}

    /** "Välfärdsteknik i hemtjänsten": 4 seats, Arvidsjaur holds 1 and Malå 1 until 15 August, a pool of 2. */
    static Offering jointOffering() {
        return offering(4, Map.of(ARVIDSJAUR, 1, MALA, 1), 2, false);
    }

    static Offering offering(int capacity, Map<TenantId, Integer> quotas, int pool, boolean approvalRequired) {
        return new Offering(
                UUID.fromString("5b1f7a9e-3c2d-4e8f-a1b6-7d9c0e2f4a13"),
                UUID.fromString("9a3e2c71-1b4d-4f6a-8e5c-2d7b9f0a6c38"),
                AKADEMI_NORR,
                UUID.fromString("e1d2c3b4-a5f6-4789-8abc-def012345678"),
                OPENS,
                CLOSES,
                STARTS,
                ENDS,
                capacity,
                quotas,
                pool,
                RELEASE,
                List.of(ARVIDSJAUR, MALA, SORSELE),
                approvalRequired,
                true,
                false,
                3);
    }

    static Offering cancelled(Offering offering) {
        return new Offering(
                offering.id(),
                offering.courseId(),
                offering.owner(),
                offering.programmeId(),
                offering.enrolmentOpensAt(),
                offering.enrolmentClosesAt(),
                offering.startsAt(),
                offering.endsAt(),
                offering.capacity(),
                offering.quotas(),
                offering.pool(),
                offering.quotaReleaseAt(),
                offering.audience(),
                offering.approvalRequired(),
                offering.paidWorkingTime(),
                true,
                offering.version() + 1);
    }

    static Course selfPaced(int modules) {
        return new Course(
                UUID.fromString("9a3e2c71-1b4d-4f6a-8e5c-2d7b9f0a6c38"),
                AKADEMI_NORR,
                CourseFormat.SELF_PACED_DIGITAL,
                modules,
                2);
    }

    static Course classroom() {
        return new Course(
                UUID.fromString("9a3e2c71-1b4d-4f6a-8e5c-2d7b9f0a6c38"), AKADEMI_NORR, CourseFormat.CLASSROOM, 3, 2);
    }

    static Person person(TenantId organisation) {
        return new Person(
                UUID.randomUUID(), organisation, "hemtjanst-centrum", UUID.randomUUID(), PersonStatus.ACTIVE, 1);
    }

    static Person left(TenantId organisation) {
        return new Person(UUID.randomUUID(), organisation, "hemtjanst-centrum", null, PersonStatus.LEFT, 2);
    }

    /** A fresh request of a person of {@code organisation}, its events forgotten. */
    static Enrolment requested(TenantId organisation) {
        Enrolment enrolment = Enrolment.request(
                EnrolmentId.of(UUID.randomUUID()),
                person(organisation),
                jointOffering(),
                RequestedBy.SELF,
                1,
                DURING_ENROLMENT);
        enrolment.takeEvents();
        return enrolment;
    }

    static Enrolment confirmed() {
        Enrolment enrolment = requested(ARVIDSJAUR);
        enrolment.confirm(SeatSource.QUOTA, DURING_ENROLMENT);
        enrolment.takeEvents();
        return enrolment;
    }

    static Enrolment inProgress() {
        Enrolment enrolment = confirmed();
        enrolment.start(jointOffering(), STARTS.plus(Duration.ofHours(1)));
        enrolment.takeEvents();
        return enrolment;
    }

    static Enrolment completed() {
        Enrolment enrolment = inProgress();
        enrolment.recordCompletion(classroom(), STARTS.plus(Duration.ofDays(30)));
        enrolment.takeEvents();
        return enrolment;
    }

    static Enrolment awaitingApproval() {
        Enrolment enrolment = requested(ARVIDSJAUR);
        enrolment.holdSeat(SeatSource.POOL, null, DURING_ENROLMENT.plus(Offering.APPROVAL_HOLD), DURING_ENROLMENT);
        enrolment.takeEvents();
        return enrolment;
    }

    static Enrolment waitlisted() {
        Enrolment enrolment = requested(ARVIDSJAUR);
        enrolment.waitlist(1, DURING_ENROLMENT);
        enrolment.takeEvents();
        return enrolment;
    }
}
