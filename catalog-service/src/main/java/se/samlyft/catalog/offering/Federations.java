package se.samlyft.catalog.offering;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Which organisations belong to a federation, as far as the catalog knows: its copy of identity-service's membership
 * history.
 */
public interface Federations {

    /** The current members of {@code federation}; empty for an organisation that is no federation. */
    Set<TenantId> membersOf(TenantId federation);

    /**
     * Replaces the federation's membership history with {@code members}, unless a version as new or newer has been
     * applied.
     *
     * @return whether the history was replaced
     */
    boolean replace(TenantId federation, long version, List<Membership> members);

    /** One organisation's membership of a federation, from the day it joined until the day it left, if it has. */
    record Membership(
            TenantId member, LocalDate joinedOn, @Nullable LocalDate leftOn) {

        public Membership {
            if (leftOn != null && !leftOn.isAfter(joinedOn)) {
                throw new IllegalArgumentException(member + " left the federation before it joined");
            }
        }

        /**
         * The period as far as the member consented to it: from the later of the day it joined and the day it
         * accepted (unknown in events from before membership needed consent); nothing if it ended before then.
         */
        public static Optional<Membership> consented(
                TenantId member, LocalDate joinedOn, @Nullable LocalDate leftOn, @Nullable LocalDate acceptedOn) {
            LocalDate first = acceptedOn != null && acceptedOn.isAfter(joinedOn) ? acceptedOn : joinedOn;
            return leftOn != null && !leftOn.isAfter(first)
                    ? Optional.empty()
                    : Optional.of(new Membership(member, first, leftOn));
        }
    }
}
