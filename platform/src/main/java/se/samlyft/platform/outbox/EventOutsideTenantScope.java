package se.samlyft.platform.outbox;

import se.samlyft.platform.tenancy.TenantId;

/**
 * An event was handed to the {@link Outbox} in a transaction whose tenant scope does not include the event's tenant:
 * a unit of work that may not see a tenant's rows may not publish in its name either. Nothing was appended; the
 * transaction should roll back.
 */
public class EventOutsideTenantScope extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final TenantId tenant;

    public EventOutsideTenantScope(String type, TenantId tenant, String scope) {
        super("The event " + type + " of tenant " + tenant + " is outside the transaction's tenant scope [" + scope
                + "]; nothing was appended");
        this.tenant = tenant;
    }

    /** The event's tenant. */
    public TenantId tenant() {
        return tenant;
    }
}
