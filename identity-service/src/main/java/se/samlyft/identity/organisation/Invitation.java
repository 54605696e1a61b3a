package se.samlyft.identity.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A federation's invitation to an organisation to become a member. It is answered once: accepted by the member (or
 * recorded as accepted by a platform administrator, with the reference of the member's decision), declined by the
 * member, or withdrawn by the federation. {@code joinsOn} is the first day the federation proposes, if it proposes one.
 */
public record Invitation(
        UUID id,
        TenantId member,
        @Nullable LocalDate joinsOn,
        Instant invitedAt,
        Status status,
        @Nullable Instant answeredAt,
        @Nullable LocalDate acceptedOn,
        @Nullable String reference) {

    /** Where an invitation stands. */
    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        WITHDRAWN
    }

    public Invitation {
        if ((status == Status.ACCEPTED) != (acceptedOn != null)) {
            throw new IllegalArgumentException("An accepted invitation, and only one, has the day it was accepted");
        }
        if ((status == Status.PENDING) != (answeredAt == null)) {
            throw new IllegalArgumentException("An answered invitation, and only one, has the time it was answered");
        }
    }

    /** A new invitation, waiting for its answer. */
    static Invitation pending(UUID id, TenantId member, @Nullable LocalDate joinsOn, Instant at) {
        return new Invitation(id, member, joinsOn, at, Status.PENDING, null, null, null);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    Invitation accepted(LocalDate on, @Nullable String decision, Instant at) {
        return new Invitation(id, member, joinsOn, invitedAt, Status.ACCEPTED, at, on, decision);
    }

    Invitation closed(Status answer, Instant at) {
        return new Invitation(id, member, joinsOn, invitedAt, answer, at, null, null);
    }
}
