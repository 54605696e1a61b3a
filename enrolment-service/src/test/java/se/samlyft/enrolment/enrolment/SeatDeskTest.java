package se.samlyft.enrolment.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.ARVIDSJAUR;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.CLOSES;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.DURING_ENROLMENT;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.MALA;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.OPENS;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.RELEASE;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.SORSELE;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.jointOffering;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.offering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantId;

class SeatDeskTest {

    private final InMemoryEnrolments store = new InMemoryEnrolments();

    private Enrolment request(Offering offering, TenantId organisation) {
        return request(offering, store.register(EnrolmentFixture.person(organisation)));
    }

    private Enrolment request(Offering offering, Person person) {
        return store.deskOf(offering).request(UUID.randomUUID(), person, RequestedBy.SELF, DURING_ENROLMENT);
    }

    private Enrolment stored(Enrolment enrolment) {
        return store.find(enrolment.id().value()).orElseThrow();
    }

    @Test
    void aSeatComesFromTheOrganisationsQuotaThenThePoolElseTheWaitingList() {
        Offering offering = jointOffering();

        Enrolment a1 = request(offering, ARVIDSJAUR);
        Enrolment a2 = request(offering, ARVIDSJAUR);
        Enrolment s1 = request(offering, SORSELE);
        Enrolment a3 = request(offering, ARVIDSJAUR);
        Enrolment m1 = request(offering, MALA);
        Enrolment m2 = request(offering, MALA);

        assertThat(List.of(a1, a2, s1, m1))
                .extracting(Enrolment::seat)
                .containsExactly(SeatSource.QUOTA, SeatSource.POOL, SeatSource.POOL, SeatSource.QUOTA);
        assertThat(List.of(a3, m2)).extracting(Enrolment::state).containsOnly(EnrolmentState.WAITLISTED);
        assertThat(store.published())
                .filteredOn(EnrolmentEvent.Waitlisted.class::isInstance)
                .extracting(e -> ((EnrolmentEvent.Waitlisted) e).position())
                .containsExactly(1, 2);
        assertThat(store.deskOf(offering).ledger().taken()).isEqualTo(4);
    }

    @Test
    void aWithdrawnPoolSeatGoesToTheFirstPersonWaiting() {
        Offering offering = jointOffering();
        request(offering, ARVIDSJAUR);
        Enrolment pool = request(offering, ARVIDSJAUR);
        request(offering, SORSELE);
        request(offering, MALA);
        Enrolment first = request(offering, SORSELE);
        Enrolment second = request(offering, ARVIDSJAUR);

        store.deskOf(offering).withdraw(pool.id().value(), DURING_ENROLMENT);

        assertThat(stored(first).state()).isEqualTo(EnrolmentState.CONFIRMED);
        assertThat(stored(first).seat()).isEqualTo(SeatSource.POOL);
        assertThat(stored(second).state()).isEqualTo(EnrolmentState.WAITLISTED);
        assertThat(store.waitlistPosition(second.id().value())).contains(1);
    }

    @Test
    void aWithdrawnQuotaSeatGoesToTheFirstWaitingPersonOfThatOrganisationWhileQuotasHold() {
        Offering offering = jointOffering();
        request(offering, ARVIDSJAUR);
        request(offering, ARVIDSJAUR);
        request(offering, SORSELE);
        Enrolment malaQuota = request(offering, MALA);
        Enrolment arvidsjaurWaiting = request(offering, ARVIDSJAUR);
        Enrolment malaWaiting = request(offering, MALA);

        store.deskOf(offering).withdraw(malaQuota.id().value(), DURING_ENROLMENT);

        assertThat(stored(malaWaiting).state()).isEqualTo(EnrolmentState.CONFIRMED);
        assertThat(stored(malaWaiting).seat()).isEqualTo(SeatSource.QUOTA);
        assertThat(stored(arvidsjaurWaiting).state()).isEqualTo(EnrolmentState.WAITLISTED);
    }

    @Test
    void anUnusedQuotaHoldsItsSeatUntilTheReleaseDateThenGoesToThePersonWaiting() {
        Offering offering = jointOffering();
        request(offering, ARVIDSJAUR);
        request(offering, ARVIDSJAUR);
        request(offering, ARVIDSJAUR);
        Enrolment waiting = request(offering, SORSELE);

        assertThat(waiting.state()).isEqualTo(EnrolmentState.WAITLISTED);
        assertThat(store.deskOf(offering).sweep(RELEASE.minusSeconds(1))).isZero();
        assertThat(stored(waiting).state()).isEqualTo(EnrolmentState.WAITLISTED);

        int promoted = store.deskOf(offering).sweep(RELEASE);

        assertThat(promoted).isEqualTo(1);
        assertThat(stored(waiting).state()).isEqualTo(EnrolmentState.CONFIRMED);
        assertThat(stored(waiting).seat()).isEqualTo(SeatSource.POOL);
        assertThat(store.deskOf(offering).sweep(RELEASE.plusSeconds(60)))
                .as("a second sweep")
                .isZero();
    }

    @Test
    void withoutAReleaseDateQuotasHoldUntilEnrolmentCloses() {
        Offering base = jointOffering();
        Offering offering = new Offering(
                base.id(),
                base.courseId(),
                base.owner(),
                base.programmeId(),
                base.enrolmentOpensAt(),
                base.enrolmentClosesAt(),
                base.startsAt(),
                base.endsAt(),
                base.capacity(),
                base.quotas(),
                base.pool(),
                null,
                base.audience(),
                false,
                true,
                false,
                base.version());

        assertThat(offering.quotasReleasedAt(RELEASE)).isFalse();
        assertThat(offering.quotasReleasedAt(CLOSES)).isTrue();
    }

    @Test
    void aHeldSeatIsConfirmedOnApprovalAndReleasedToTheNextOnDecline() {
        Offering offering = offering(1, Map.of(), 1, true);
        Person person = store.register(EnrolmentFixture.person(ARVIDSJAUR));
        Enrolment held = request(offering, person);
        Enrolment waiting = request(offering, MALA);

        assertThat(held.state()).isEqualTo(EnrolmentState.AWAITING_APPROVAL);
        assertThat(store.published())
                .filteredOn(EnrolmentEvent.AwaitingApproval.class::isInstance)
                .first()
                .satisfies(e -> assertThat(((EnrolmentEvent.AwaitingApproval) e).managerId())
                        .isEqualTo(person.managerId()));

        store.deskOf(offering).decline(held.id().value(), "Inte den här terminen.", DURING_ENROLMENT);

        assertThat(stored(waiting).state()).isEqualTo(EnrolmentState.AWAITING_APPROVAL);
        store.deskOf(offering).approve(waiting.id().value(), DURING_ENROLMENT);
        assertThat(stored(waiting).state()).isEqualTo(EnrolmentState.CONFIRMED);
        assertThat(stored(waiting).seat()).isEqualTo(SeatSource.POOL);
    }

    @Test
    void anExpiredHoldIsDeclinedAndItsSeatPromotesTheNext() {
        Offering offering = offering(1, Map.of(), 1, true);
        Enrolment held = request(offering, ARVIDSJAUR);
        Enrolment waiting = request(offering, SORSELE);
        Instant holdUntil = stored(held).stored().seat().until();

        assertThat(store.deskOf(offering).sweep(holdUntil.minusSeconds(1))).isZero();
        store.deskOf(offering).sweep(holdUntil);

        assertThat(stored(held).state()).isEqualTo(EnrolmentState.DECLINED);
        assertThat(stored(waiting).state()).isEqualTo(EnrolmentState.AWAITING_APPROVAL);
    }

    @Test
    void aRequestOutsideTheAudienceIsNotFoundAndOutsideTheWindowOrOfAPersonWhoLeftIsRefused() {
        Offering offering = jointOffering();
        SeatDesk desk = store.deskOf(offering);
        Person stranger = EnrolmentFixture.person(TenantId.of("pitea"));
        Person employee = EnrolmentFixture.person(ARVIDSJAUR);

        assertThatThrownBy(() -> desk.request(UUID.randomUUID(), stranger, RequestedBy.SELF, DURING_ENROLMENT))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> desk.request(UUID.randomUUID(), employee, RequestedBy.SELF, OPENS.minusSeconds(1)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("opens");
        assertThatThrownBy(() -> desk.request(UUID.randomUUID(), employee, RequestedBy.SELF, CLOSES))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> desk.request(
                        UUID.randomUUID(), EnrolmentFixture.left(ARVIDSJAUR), RequestedBy.SELF, DURING_ENROLMENT))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("no longer works");
        assertThat(store.published()).isEmpty();
    }

    @Test
    void aPersonEnrolledAlreadyIsRefusedButMayEnrolAgainAfterWithdrawing() {
        Offering offering = jointOffering();
        Person person = store.register(EnrolmentFixture.person(ARVIDSJAUR));
        Enrolment first = request(offering, person);

        assertThatThrownBy(() -> request(offering, person))
                .isInstanceOfSatisfying(
                        SeatDesk.AlreadyEnrolled.class,
                        e -> assertThat(e.enrolmentId()).isEqualTo(first.id().value()));

        store.deskOf(offering).withdraw(first.id().value(), DURING_ENROLMENT);
        assertThat(request(offering, person).state()).isEqualTo(EnrolmentState.CONFIRMED);
    }

    @Test
    void aCancelledOfferingCancelsItsLiveEnrolmentsAndTakesNoMoreRequests() {
        Offering offering = jointOffering();
        Enrolment confirmed = request(offering, ARVIDSJAUR);
        Enrolment withdrawn = request(offering, MALA);
        store.deskOf(offering).withdraw(withdrawn.id().value(), DURING_ENROLMENT);
        for (int i = 0; i < 4; i++) {
            request(offering, SORSELE);
        }
        Offering cancelled = EnrolmentFixture.cancelled(offering);

        int count = store.deskOf(cancelled).cancelAll(DURING_ENROLMENT);

        assertThat(count).isEqualTo(5);
        assertThat(stored(confirmed).state()).isEqualTo(EnrolmentState.CANCELLED);
        assertThat(stored(withdrawn).state()).isEqualTo(EnrolmentState.WITHDRAWN);
        assertThat(store.live(offering.id())).isEmpty();
        assertThat(store.deskOf(cancelled).promote(DURING_ENROLMENT)).isZero();
        assertThatThrownBy(() -> request(cancelled, ARVIDSJAUR))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void aCapacityIncreasePromotesAtOnceAndACutKeepsEveryoneAdmitted() {
        Offering small = offering(2, Map.of(), 2, false);
        Enrolment first = request(small, ARVIDSJAUR);
        request(small, MALA);
        Enrolment waiting = request(small, SORSELE);
        Offering larger = offering(3, Map.of(), 3, false);
        Offering smaller = offering(1, Map.of(), 1, false);

        assertThat(store.deskOf(larger).promote(DURING_ENROLMENT)).isEqualTo(1);
        assertThat(stored(waiting).state()).isEqualTo(EnrolmentState.CONFIRMED);

        Enrolment newcomer = request(smaller, ARVIDSJAUR);
        store.deskOf(smaller).withdraw(first.id().value(), DURING_ENROLMENT.plus(Duration.ofMinutes(1)));

        assertThat(newcomer.state()).isEqualTo(EnrolmentState.WAITLISTED);
        assertThat(stored(newcomer).state())
                .as("still two admitted over a capacity of one")
                .isEqualTo(EnrolmentState.WAITLISTED);
        assertThat(store.live(small.id()))
                .filteredOn(e -> e.state() == EnrolmentState.CONFIRMED)
                .hasSize(2);
    }
}
