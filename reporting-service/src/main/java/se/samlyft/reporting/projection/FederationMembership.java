package se.samlyft.reporting.projection;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reporting's reading of {@code federation-membership-changed.v1}: the complete membership history of a federation,
 * which replaces the copy held before.
 */
public record FederationMembership(String federation, long version, List<Member> members) {

    public FederationMembership {
        Slug.require(federation, "federation");
        Versions.require(version);
        members = List.copyOf(members);
    }

    /** One period of membership; {@code leftOn} is the first day outside it, null while it lasts. */
    public record Member(
            String tenant, LocalDate joinedOn, @Nullable LocalDate leftOn) {

        public Member {
            Slug.require(tenant, "member");
            if (leftOn != null && !leftOn.isAfter(joinedOn)) {
                throw new IllegalArgumentException("A member leaves after it joined: " + tenant);
            }
        }
    }
}
