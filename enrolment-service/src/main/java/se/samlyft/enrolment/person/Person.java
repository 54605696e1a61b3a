package se.samlyft.enrolment.person;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The local copy of a person, as identity's newest event described them: organisation, workplace, manager and status.
 * Never a name.
 */
public record Person(
        UUID id,
        TenantId organisation,
        @Nullable String workplaceId,
        @Nullable UUID managerId,
        PersonStatus status,
        long version) {

    /** Refuses a person who has left their organisation or was erased. */
    public void requireActive() {
        if (status != PersonStatus.ACTIVE) {
            throw new Conflict("The person no longer works for the organisation and cannot enrol.");
        }
    }

    /** Whether {@code personId} is this person's manager. */
    public boolean isManagedBy(UUID personId) {
        return personId.equals(managerId);
    }
}
