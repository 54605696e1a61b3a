package se.samlyft.catalog.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samlyft.catalog.federation.Federations;
import se.samlyft.catalog.federation.Federations.Membership;
import se.samlyft.catalog.offering.Offering;
import se.samlyft.catalog.offering.Offerings;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Follows a federation's membership as identity-service publishes it: the catalog's copy is replaced, and each running
 * offering of the federation open to all its members is resolved again, so a municipality that joins may enrol and
 * one that left no longer may. A join or leave dated ahead reaches the offerings on its day ({@link MembershipDays}).
 * Each offering whose audience changes publishes {@code offering-changed}.
 */
@Component
class MembershipChanges {

    /** Membership days are Swedish calendar days. */
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Federations federations;
    private final Offerings offerings;
    private final Clock clock;

    MembershipChanges(Federations federations, Offerings offerings, Clock clock) {
        this.federations = federations;
        this.offerings = offerings;
        this.clock = clock;
    }

    /**
     * Applies the federation's membership history at {@code version}; an older version than one applied changes
     * nothing. Runs in the caller's transaction, the inbox's, so the copy, the offerings and their events commit
     * together.
     *
     * @return the offerings whose audience changed
     */
    List<Offering> apply(TenantId federation, long version, List<Membership> members) {
        if (!federations.replace(federation, version, members)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
        federations.claimResolution(federation, today);
        return resolve(federation, today);
    }

    /**
     * Resolves the federation's running offerings for all its members against its members on {@code day}, in the
     * caller's transaction and the federation's scope.
     *
     * @return the offerings whose audience changed
     */
    List<Offering> resolve(TenantId federation, LocalDate day) {
        Set<TenantId> members = federations.membersOn(federation, day);
        List<Offering> changed = new ArrayList<>();
        for (Offering offering : offerings.runningForAllMembersOf(federation)) {
            long stored = offering.version();
            if (offering.followMembership(members, clock.instant())) {
                offerings.update(offering, stored);
                changed.add(offering);
            }
        }
        return changed;
    }
}
