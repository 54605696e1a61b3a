package se.samlyft.catalog.offering;

import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The organisations with an enrolment on each offering, as enrolment-service's events tell. Their people keep reading
 * the offering and its course once the organisation has left the audience (it left the federation) or the offering was
 * cancelled: what they enrolled in does not vanish from their pages.
 */
public interface EnrolledOrganisations {

    /** Records that {@code member} has an enrolment on the offering of {@code owner}; again changes nothing. */
    void record(UUID offeringId, TenantId owner, TenantId member);

    /** Whether {@code member} has an enrolment on the offering, as far as the scope may see. */
    boolean isEnrolled(UUID offeringId, TenantId member);
}
