package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The enrolments the current tenant scope may see. Storing one hands its recorded events on in the same transaction.
 */
public interface Enrolments {

    Optional<Enrolment> find(UUID id);

    /** A page of the enrolments of the scope, newest first; only those of {@code personId} unless it is null. */
    List<Enrolment> list(@Nullable UUID personId, int page, int size);

    long count(@Nullable UUID personId);

    /** A page of the enrolments of the people whose manager is {@code managerId}, newest first. */
    List<Enrolment> listOfStaff(UUID managerId, int page, int size);

    long countOfStaff(UUID managerId);

    /** The person's live enrolment on the offering, if any. */
    Optional<Enrolment> live(UUID personId, UUID offeringId);

    /** The person's live enrolments on any offering, in order of arrival. */
    List<Enrolment> liveOf(UUID personId);

    /** The next number in the order of arrival of requests; call it while holding the offering's seats. */
    long nextArrival();

    /** The offering's waiting list, in order of arrival. */
    List<Enrolment> waitlist(UUID offeringId);

    /** How many wait for a seat on the offering before {@code arrival}. */
    int waitingBefore(UUID offeringId, long arrival);

    /** The offering's live enrolments. */
    List<Enrolment> live(UUID offeringId);

    /** The offering's enrolments awaiting approval whose hold ran out at {@code at}. */
    List<Enrolment> holdsExpired(UUID offeringId, Instant at);

    /**
     * The enrolments of the scope awaiting the decision of the manager {@code managerId}: the hold that runs out first
     * first, and in order of arrival among equal holds.
     */
    List<Enrolment> awaitingApprovalBy(UUID managerId);

    /**
     * The enrolments of the scope awaiting a manager's decision, whoever the manager: the hold that runs out first
     * first, and in order of arrival among equal holds.
     */
    List<Enrolment> awaitingApproval();

    /**
     * A page of the offering's enrolments that the scope sees, in order of arrival, of one state and one organisation
     * when given.
     */
    List<Enrolment> ofOffering(
            UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation, int page, int size);

    long countOfOffering(UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation);

    /** How the scope's organisations use the offering's seats, one line per organisation with an enrolment on it. */
    List<SeatUse> seatUse(UUID offeringId);

    /** A waiting enrolment's place on its offering's waiting list, counting every organisation; empty otherwise. */
    Optional<Integer> waitlistPosition(UUID enrolmentId);

    void add(Enrolment enrolment);

    /** Stores a changed enrolment whose stored version is {@code expectedVersion}. */
    void update(Enrolment enrolment, long expectedVersion);

    /** The confirmed time statements of an enrolment, by month. */
    Map<YearMonth, TimeStatement> timeStatements(UUID enrolmentId);

    /** Stores a confirmed time statement, replacing the month's earlier revision. */
    void saveTimeStatement(Enrolment enrolment, TimeStatement statement);

    /**
     * Pseudonymises what is held about an erased person: their enrolments get a new, random person id, and comments
     * and resume positions are dropped; each changed enrolment's version is raised, so a change prepared before the
     * erasure fails rather than writing them back. Returns how many enrolments were changed.
     */
    int pseudonymise(UUID personId);
}
