package se.samlyft.enrolment.enrolment.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.security.Caller;

/** The participant takes the course: starts it once it has begun, pauses, resumes and records progress. */
public final class TakingTheCourse {

    private final EnrolmentPolicy policy;
    private final EnrolmentLookup lookup;

    public TakingTheCourse(EnrolmentPolicy policy, EnrolmentLookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    public EnrolmentDetails start(Caller caller, UUID id, @Nullable String ifMatch) {
        return lookup.details(lookup.change(
                caller,
                id,
                ifMatch,
                policy::requireParticipant,
                (enrolment, at) -> enrolment.start(lookup.offeringOf(enrolment), at)));
    }

    public EnrolmentDetails pause(Caller caller, UUID id, @Nullable String ifMatch) {
        return lookup.details(
                lookup.change(caller, id, ifMatch, policy::requireParticipant, (enrolment, at) -> enrolment.pause(at)));
    }

    public EnrolmentDetails resume(Caller caller, UUID id, @Nullable String ifMatch) {
        return lookup.details(lookup.change(
                caller, id, ifMatch, policy::requireParticipant, (enrolment, at) -> enrolment.resume(at)));
    }

    /** The modules done (never fewer than before) and where to resume. */
    public EnrolmentDetails recordProgress(
            Caller caller, UUID id, @Nullable String ifMatch, int modulesCompleted, @Nullable String resumeAt) {
        return lookup.details(lookup.change(
                caller,
                id,
                ifMatch,
                policy::requireParticipant,
                (enrolment, at) ->
                        enrolment.recordProgress(modulesCompleted, resumeAt, lookup.courseOf(enrolment), at)));
    }
}
