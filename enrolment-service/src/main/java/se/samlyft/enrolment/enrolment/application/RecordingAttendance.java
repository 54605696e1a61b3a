package se.samlyft.enrolment.enrolment.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.security.Caller;

/**
 * A coordinator records attendance of a scheduled course (or completion of a self-paced one whose modules the
 * catalog did not count), or that a confirmed person did not take part.
 */
public final class RecordingAttendance {

    private final EnrolmentPolicy policy;
    private final EnrolmentLookup lookup;

    public RecordingAttendance(EnrolmentPolicy policy, EnrolmentLookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    public EnrolmentDetails completion(Caller caller, UUID id, @Nullable String ifMatch) {
        return lookup.details(lookup.change(
                caller,
                id,
                ifMatch,
                policy::requireCoordinator,
                (enrolment, at) -> enrolment.recordCompletion(lookup.courseOf(enrolment), at)));
    }

    public EnrolmentDetails noShow(Caller caller, UUID id, @Nullable String ifMatch) {
        return lookup.details(lookup.change(
                caller,
                id,
                ifMatch,
                policy::requireCoordinator,
                (enrolment, at) -> enrolment.markNoShow(lookup.offeringOf(enrolment), at)));
    }
}
