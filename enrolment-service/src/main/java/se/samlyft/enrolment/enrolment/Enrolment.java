package se.samlyft.enrolment.enrolment;

import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/** One person on one offering, from the request to its end. */
public record Enrolment(UUID id, TenantId organisation, UUID offeringId, UUID personId, EnrolmentState state) {}
