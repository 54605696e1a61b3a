package se.samlyft.integration.feed;

import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Whose feeds an event belongs in. Every event belongs to its own tenant's. An enrolment on an offering of another
 * organisation, which can only be a federation's joint offering, belongs to the federation's feed as well: it concerns
 * the federation's own offering. Nothing else of a member reaches a federation: not its courses, offerings or people.
 */
public final class Audiences {

    static final String ENROLMENT_TYPES = "se.samlyft.enrolment.";

    private Audiences() {}

    /**
     * The tenants whose feeds take the event, its own tenant first.
     *
     * @param offeringOwner the {@code offeringOwner} an enrolment event names, if any
     */
    public static List<TenantId> of(TenantId tenant, String type, @Nullable String offeringOwner) {
        if (type.startsWith(ENROLMENT_TYPES) && offeringOwner != null && !offeringOwner.equals(tenant.value())) {
            return List.of(tenant, TenantId.of(offeringOwner));
        }
        return List.of(tenant);
    }
}
