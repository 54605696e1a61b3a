package se.samlyft.identity.organisation;

import java.time.Instant;
import se.samlyft.platform.tenancy.TenantId;

/** What happened to an organisation, with the register facts after the change; never its contact persons. */
public sealed interface OrganisationEvent {

    TenantId tenant();

    long version();

    OrganisationKind kind();

    OrganisationProfile profile();

    Instant at();

    /** An organisation was onboarded. */
    record Registered(TenantId tenant, long version, OrganisationKind kind, OrganisationProfile profile, Instant at)
            implements OrganisationEvent {}

    /** An organisation's name, number or municipality code changed. */
    record Changed(TenantId tenant, long version, OrganisationKind kind, OrganisationProfile profile, Instant at)
            implements OrganisationEvent {}
}
