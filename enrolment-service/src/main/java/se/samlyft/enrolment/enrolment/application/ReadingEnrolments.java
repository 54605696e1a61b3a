package se.samlyft.enrolment.enrolment.application;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.platform.security.Caller;

/**
 * The reads of a participant (their own enrolments), a manager (their staff's, and the requests awaiting their
 * decision) and a coordinator (the organisation's), newest first.
 */
public final class ReadingEnrolments {

    private final EnrolmentPolicy policy;
    private final Enrolments enrolments;
    private final EnrolmentLookup lookup;

    public ReadingEnrolments(EnrolmentPolicy policy, Enrolments enrolments, EnrolmentLookup lookup) {
        this.policy = policy;
        this.enrolments = enrolments;
        this.lookup = lookup;
    }

    /** One enrolment, to the participant, their manager and the organisation's coordinators. */
    public EnrolmentDetails one(Caller caller, UUID id) {
        return lookup.details(policy.requireReadable(lookup.visible(id), caller));
    }

    /** A page of the organisation's enrolments for a coordinator, and of the caller's own for anyone else. */
    public EnrolmentList list(Caller caller, int page, int size) {
        if (caller.tenant().isEmpty()) {
            return EnrolmentList.none(page, size);
        }
        boolean coordinator = policy.isCoordinator(caller);
        @Nullable UUID personId = coordinator ? null : caller.personId().orElse(null);
        if (personId == null && !coordinator) {
            return EnrolmentList.none(page, size);
        }
        return page(enrolments.list(personId, page, size), page, size, enrolments.count(personId));
    }

    /** A page of the enrolments of the people the caller manages. */
    public EnrolmentList ofStaff(Caller caller, int page, int size) {
        if (caller.tenant().isEmpty()) {
            return EnrolmentList.none(page, size);
        }
        return caller.personId()
                .map(manager ->
                        page(enrolments.listOfStaff(manager, page, size), page, size, enrolments.countOfStaff(manager)))
                .orElseGet(() -> EnrolmentList.none(page, size));
    }

    /**
     * The requests awaiting a decision, the hold that runs out first first: every one in the organisation for a
     * coordinator, those of the people they manage for a manager.
     */
    public List<EnrolmentDetails> awaitingApproval(Caller caller) {
        if (policy.seesEveryApproval(caller)) {
            return details(enrolments.awaitingApproval());
        }
        return caller.personId()
                .map(manager -> details(enrolments.awaitingApprovalBy(manager)))
                .orElse(List.of());
    }

    private EnrolmentList page(List<Enrolment> items, int page, int size, long total) {
        return new EnrolmentList(details(items), page, size, total);
    }

    private List<EnrolmentDetails> details(List<Enrolment> items) {
        return items.stream().map(lookup::details).toList();
    }
}
