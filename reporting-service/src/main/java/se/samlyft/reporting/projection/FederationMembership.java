package se.samlyft.reporting.projection;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reporting's reading of {@code federation-membership-changed.v1}: the complete membership history of a federation,
 * which replaces the copy held before. A member counts from the later of the day it joined and the day it accepted
 * the membership, whatever else an event says: no federation sees a member's rows from before its consent.
 */
public record FederationMembership(String federation, long version, List<Member> members) {

    public FederationMembership {
        Slug.require(federation, "federation");
        Versions.require(version);
        members = List.copyOf(members);
    }

    /** The periods that count, each from its first consented day. */
    public List<Member> consentedMembers() {
        return members.stream().filter(Member::counts).toList();
    }

    /**
     * One period of membership; {@code leftOn} is the first day outside it, null while it lasts; {@code acceptedOn} is
     * the day the member accepted it (absent in events from before membership needed consent).
     */
    public record Member(
            String tenant,
            LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            @Nullable LocalDate acceptedOn) {

        public Member {
            Slug.require(tenant, "member");
            if (leftOn != null && !leftOn.isAfter(joinedOn)) {
                throw new IllegalArgumentException("A member leaves after it joined: " + tenant);
            }
        }

        /** The first day the member counts: the later of the day it joined and the day it accepted. */
        public LocalDate firstDay() {
            return acceptedOn != null && acceptedOn.isAfter(joinedOn) ? acceptedOn : joinedOn;
        }

        /** Whether any day of the period comes after the member's consent. */
        boolean counts() {
            return leftOn == null || leftOn.isAfter(firstDay());
        }
    }
}
