package se.samlyft.catalog.offering;

import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/** Seats of a joint offering held for one member organisation until the quotas are released to the pool. */
public record Quota(TenantId member, int seats) {

    public Quota {
        if (member == null) {
            throw new InvalidInput("quotas", "must name an organisation for each quota");
        }
        if (seats < 1) {
            throw new InvalidInput("quotas", "must hold at least 1 seat each");
        }
    }
}
