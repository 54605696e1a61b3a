package se.samlyft.identity.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One period of an organisation's membership in a federation: from {@code joinedOn}, until {@code leftOn}
 * (exclusive), agreed to by the member on {@code acceptedOn} as {@code consent} says. A period never starts before the
 * member accepted it.
 */
public record Membership(
        TenantId member, LocalDate joinedOn, @Nullable LocalDate leftOn, LocalDate acceptedOn, Consent consent) {

    public Membership {
        if (joinedOn.isBefore(acceptedOn)) {
            throw new InvalidInput(
                    "joinedOn", "must not be before the day the member accepted the membership (" + acceptedOn + ")");
        }
        if (leftOn != null && !leftOn.isAfter(joinedOn)) {
            throw new InvalidInput("leftOn", "must be after the day the member joined (" + joinedOn + ")");
        }
    }

    /** Whether the member belonged to the federation on {@code day}. */
    public boolean coversDay(LocalDate day) {
        return !day.isBefore(joinedOn) && (leftOn == null || day.isBefore(leftOn));
    }

    /** Whether the member belonged to the federation on any day from {@code from} to {@code to}, both included. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !joinedOn.isAfter(to) && (leftOn == null || leftOn.isAfter(from));
    }

    public boolean isOpen() {
        return leftOn == null;
    }

    /** The same period, ended on {@code day} (the first day outside). */
    Membership endedOn(LocalDate day) {
        return new Membership(member, joinedOn, day, acceptedOn, consent);
    }
}
