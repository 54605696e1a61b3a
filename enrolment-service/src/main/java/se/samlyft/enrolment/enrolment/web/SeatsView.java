package se.samlyft.enrolment.enrolment.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.SeatUse;
import se.samlyft.enrolment.enrolment.application.FollowingAnOffering;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.tenancy.TenantId;

/**
 * How an offering's seats are used, for its owner: capacity, the shared pool and the seats taken from it, whether the
 * unused quotas have returned to the pool, and a line per organisation with a quota or an enrolment.
 */
record SeatsView(
        UUID offeringId,
        int capacity,
        int pool,
        int poolTaken,
        boolean quotasReleased,
        @Nullable Instant quotaReleaseAt,
        List<OrganisationSeats> organisations) {

    /** One organisation's quota (null without one), its seats from the quota and the pool, and who waits. */
    record OrganisationSeats(
            String organisation,
            @Nullable Integer quota,
            int fromQuota,
            int fromPool,
            int awaitingApproval,
            int waiting) {}

    static SeatsView of(FollowingAnOffering.SeatReport seatUse) {
        Offering offering = seatUse.offering();
        List<SeatUse> use = seatUse.organisations();
        Instant now = seatUse.at();
        Map<TenantId, SeatUse> byOrganisation = new TreeMap<>(Comparator.comparing(TenantId::value));
        offering.quotas().keySet().forEach(tenant -> byOrganisation.put(tenant, new SeatUse(tenant, 0, 0, 0, 0)));
        use.forEach(line -> byOrganisation.put(line.organisation(), line));
        List<OrganisationSeats> lines = new ArrayList<>();
        int poolTaken = 0;
        for (SeatUse line : byOrganisation.values()) {
            poolTaken += line.fromPool();
            lines.add(new OrganisationSeats(
                    line.organisation().value(),
                    offering.quotas().get(line.organisation()),
                    line.fromQuota(),
                    line.fromPool(),
                    line.awaitingApproval(),
                    line.waiting()));
        }
        return new SeatsView(
                offering.id(),
                offering.capacity(),
                offering.pool(),
                poolTaken,
                offering.quotasReleasedAt(now),
                offering.quotaReleaseTime(),
                lines);
    }
}
