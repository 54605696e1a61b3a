package se.samlyft.identity.organisation;

import java.time.Instant;
import java.util.List;
import se.samlyft.platform.tenancy.TenantId;

/** A federation's membership changed; {@code members} is its complete history after the change. */
public record FederationEvent(TenantId federation, long version, List<Membership> members, Instant at) {

    public FederationEvent {
        members = List.copyOf(members);
    }
}
