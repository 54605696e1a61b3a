package se.samlyft.identity.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A tenant: a municipality, a county council, a private care provider or a federation, named by its tenant id (the
 * alias of its Keycloak Organization). Onboarding registers it at version 1; each change of its register facts raises
 * the version and records an event, a change of contact persons alone raises the version without one.
 */
public final class Organisation {

    private final TenantId tenant;
    private final OrganisationKind kind;
    private OrganisationProfile profile;
    private long version;
    private final List<OrganisationEvent> events = new ArrayList<>();

    private Organisation(TenantId tenant, OrganisationKind kind, OrganisationProfile profile, long version) {
        requireCodeMatchesKind(kind, profile);
        this.tenant = tenant;
        this.kind = kind;
        this.profile = profile;
        this.version = version;
    }

    /** Onboards an organisation at version 1. */
    public static Organisation register(
            TenantId tenant, OrganisationKind kind, OrganisationProfile profile, Instant at) {
        Organisation organisation = new Organisation(tenant, kind, profile, 1);
        organisation.events.add(new OrganisationEvent.Registered(tenant, 1, kind, profile, at));
        return organisation;
    }

    /** An organisation as stored, without recorded events. */
    public static Organisation restore(
            TenantId tenant, OrganisationKind kind, OrganisationProfile profile, long version) {
        return new Organisation(tenant, kind, profile, version);
    }

    /** Replaces the profile; returns false, changing nothing, when it is the same as the current one. */
    public boolean change(OrganisationProfile changed, Instant at) {
        requireCodeMatchesKind(kind, changed);
        if (changed.equals(profile)) {
            return false;
        }
        boolean registerFactsChanged = !changed.sameRegisterFacts(profile);
        profile = changed;
        version++;
        if (registerFactsChanged) {
            events.add(new OrganisationEvent.Changed(tenant, version, kind, profile, at));
        }
        return true;
    }

    private static void requireCodeMatchesKind(OrganisationKind kind, OrganisationProfile profile) {
        if (kind == OrganisationKind.MUNICIPALITY && profile.municipalityCode() == null) {
            throw new InvalidInput("municipalityCode", "must be given for a municipality");
        }
        if (kind != OrganisationKind.MUNICIPALITY && profile.municipalityCode() != null) {
            throw new InvalidInput("municipalityCode", "is given for municipalities only");
        }
    }

    public List<OrganisationEvent> events() {
        return List.copyOf(events);
    }

    public TenantId tenant() {
        return tenant;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public OrganisationProfile profile() {
        return profile;
    }

    public long version() {
        return version;
    }
}
