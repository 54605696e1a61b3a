package se.samlyft.enrolment.enrolment.application;

import java.util.Optional;
import java.util.UUID;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.People;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.security.Role;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may do what with enrolments. Everyone sees only their organisation's enrolments (row-level security), and of
 * those: the participant their own, a manager those of the people they manage, a coordinator (or a federation's project
 * leader) all of them. An enrolment the caller may not see is not found (its existence is not leaked); one they see but
 * may not act on is refused with a {@link Denied} naming the rule.
 */
public final class EnrolmentPolicy {

    static final String ENROL_OTHERS = "Only a coordinator of the organisation may enrol someone else.";
    static final String NAME_THE_PERSON =
            "The token names no person: a coordinator of the organisation names the person to enrol.";
    static final String TAKE_THE_COURSE =
            "Only the participant may take the course: start, pause, resume, progress, hours and evaluation.";
    static final String RECORD_ATTENDANCE =
            "Only a coordinator of the organisation may record attendance, completion and no-shows.";
    static final String DECIDE_AN_APPROVAL =
            "Only the person's manager or a coordinator of the organisation may decide an approval.";
    static final String FOLLOW_AN_OFFERING = "Only a coordinator, or the federation's project leader for a joint"
            + " offering, may follow an offering's enrolments.";
    static final String OTHER_ORGANISATIONS =
            "Only the offering's owner may list the enrolments of other organisations than the caller's.";
    static final String SEAT_USE = "Only the offering's owner may see how every organisation uses its seats.";

    private final People people;

    public EnrolmentPolicy(People people) {
        this.people = people;
    }

    /** The organisation the caller's token names: 404 for a token that names none. */
    public TenantId organisationOf(Caller caller) {
        return caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }

    /** Whether the caller coordinates their organisation (or is a federation's project leader). */
    public boolean isCoordinator(Caller caller) {
        return caller.hasAnyRole(Role.COORDINATOR, Role.FEDERATION_COORDINATOR);
    }

    /** Whether the caller sees every request awaiting approval in the organisation, not only their staff's. */
    public boolean seesEveryApproval(Caller caller) {
        return caller.hasRole(Role.COORDINATOR) && caller.tenant().isPresent();
    }

    /**
     * The person a request for a seat is for: {@code personId} when given, else the caller. Someone else only for a
     * coordinator.
     */
    public UUID personToEnrol(Caller caller, @org.jspecify.annotations.Nullable UUID personId) {
        UUID own = caller.personId().orElse(null);
        UUID person = personId == null ? own : personId;
        if (person == null) {
            throw new Denied(NAME_THE_PERSON);
        }
        if (!person.equals(own) && !isCoordinator(caller)) {
            throw new Denied(ENROL_OTHERS);
        }
        return person;
    }

    /** The participant, their manager and the organisation's coordinators read an enrolment; others do not find it. */
    public Enrolment requireReadable(Enrolment enrolment, Caller caller) {
        if (isOwn(enrolment, caller) || isCoordinator(caller) || isManagerOf(enrolment, caller)) {
            return enrolment;
        }
        throw notFound(enrolment);
    }

    /** Only the participant takes the course; the others who see the enrolment are told so. */
    public Enrolment requireParticipant(Enrolment enrolment, Caller caller) {
        if (isOwn(enrolment, caller)) {
            return enrolment;
        }
        if (isCoordinator(caller) || isManagerOf(enrolment, caller)) {
            throw new Denied(TAKE_THE_COURSE);
        }
        throw notFound(enrolment);
    }

    /** The participant or a coordinator of the organisation withdraws. */
    public Enrolment requireParticipantOrCoordinator(Enrolment enrolment, Caller caller) {
        if (isOwn(enrolment, caller) || isCoordinator(caller)) {
            return enrolment;
        }
        throw notFound(enrolment);
    }

    /** Only a coordinator records attendance, completion and no-shows. */
    public Enrolment requireCoordinator(Enrolment enrolment, Caller caller) {
        if (isCoordinator(caller)) {
            return enrolment;
        }
        if (isOwn(enrolment, caller) || isManagerOf(enrolment, caller)) {
            throw new Denied(RECORD_ATTENDANCE);
        }
        throw notFound(enrolment);
    }

    /** The person's manager or a coordinator of the organisation decides an approval. */
    public Enrolment requireDecider(Enrolment enrolment, Caller caller) {
        if (isManagerOf(enrolment, caller) || isCoordinator(caller)) {
            return enrolment;
        }
        if (isOwn(enrolment, caller)) {
            throw new Denied(DECIDE_AN_APPROVAL);
        }
        throw notFound(enrolment);
    }

    /**
     * A coordinator (or federation project leader) follows an offering their organisation owns or may enrol in; one
     * it can do neither with is not found.
     */
    public Offering requireFollower(Offering offering, Caller caller, TenantId organisation) {
        if (!isCoordinator(caller)) {
            throw new Denied(FOLLOW_AN_OFFERING);
        }
        if (!offering.owner().equals(organisation) && !offering.isOpenTo(organisation)) {
            throw NotFound.of("offering", offering.id());
        }
        return offering;
    }

    /** Only the offering's owner lists the enrolments of another organisation than the caller's. */
    public void requireOwnerForOthers(
            Offering offering, TenantId organisation, @org.jspecify.annotations.Nullable TenantId listed) {
        if (!offering.owner().equals(organisation) && listed != null && !listed.equals(organisation)) {
            throw new Denied(OTHER_ORGANISATIONS);
        }
    }

    /** Only the offering's owner sees how every organisation uses its seats. */
    public void requireOwner(Offering offering, TenantId organisation) {
        if (!offering.owner().equals(organisation)) {
            throw new Denied(SEAT_USE);
        }
    }

    private static boolean isOwn(Enrolment enrolment, Caller caller) {
        return caller.personId()
                .filter(enrolment.request().personId().value()::equals)
                .isPresent();
    }

    private boolean isManagerOf(Enrolment enrolment, Caller caller) {
        Optional<UUID> manager = caller.personId();
        return manager.flatMap(id ->
                        people.find(enrolment.request().personId().value()).filter(person -> person.isManagedBy(id)))
                .isPresent();
    }

    private static NotFound notFound(Enrolment enrolment) {
        return NotFound.of("enrolment", enrolment.id().value());
    }
}
