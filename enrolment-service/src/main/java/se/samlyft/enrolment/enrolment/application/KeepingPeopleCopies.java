package se.samlyft.enrolment.enrolment.application;

import java.util.List;
import java.util.UUID;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Keeps the copies of identity's people. A person who left can no longer enrol, and their live enrolments are
 * withdrawn, freeing their seats; an erased person's enrolments are pseudonymised in the same transaction.
 */
public final class KeepingPeopleCopies {

    private final People people;
    private final Enrolments enrolments;
    private final Seats seats;
    private final Transactions transactions;
    private final EnrolmentLookup lookup;

    public KeepingPeopleCopies(
            People people, Enrolments enrolments, Seats seats, Transactions transactions, EnrolmentLookup lookup) {
        this.people = people;
        this.enrolments = enrolments;
        this.seats = seats;
        this.transactions = transactions;
        this.lookup = lookup;
    }

    public void person(Person person) {
        people.save(person);
    }

    public void left(UUID personId, TenantId organisation, long version) {
        people.left(personId, organisation, version);
    }

    /**
     * Withdraws the live enrolments of a person who left, each at its offering's seat desk so that the seat goes to
     * the next person waiting. Safe to repeat: a second time finds nothing live.
     */
    public void withdrawLiveEnrolments(UUID personId, TenantId organisation) {
        List<Enrolment> live = TenantContext.callAs(
                TenantScope.of(organisation), () -> transactions.inTransaction(() -> enrolments.liveOf(personId)));
        for (Enrolment enrolment : live) {
            seats.atOffering(
                    enrolment.offeringId().value(),
                    desk -> desk.withdraw(enrolment.id().value(), lookup.now()));
        }
    }

    /** Erases the person's copy and pseudonymises their enrolments: a new random person id, no comments. */
    public void erased(UUID personId, TenantId organisation, long version) {
        people.erased(personId, organisation, version);
        enrolments.pseudonymise(personId);
    }
}
