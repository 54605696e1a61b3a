package se.samlyft.enrolment.enrolment;

import se.samlyft.platform.tenancy.TenantId;

/** One organisation's seats on an offering: from its quota and from the pool, awaiting approval, and waiting. */
public record SeatUse(TenantId organisation, int fromQuota, int fromPool, int awaitingApproval, int waiting) {}
