package se.samlyft.catalog.offering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The programme that funds an offering, as far as the offering's rules need it: whose it is, its period (days in
 * Sweden) and the partner organisations its owner runs courses with.
 *
 * @param programmeId the programme
 * @param owner the organisation that runs the programme: the offering's owner, or a member of the owning federation
 * @param start the first day of the programme's period
 * @param end the last day of the programme's period
 * @param partners the organisations the programme names as its partners
 */
public record Funding(UUID programmeId, TenantId owner, LocalDate start, LocalDate end, List<TenantId> partners) {

    /** Days of the period are Swedish calendar days. */
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    public Funding {
        partners = List.copyOf(partners);
    }

    /** Refuses terms whose start or end lies outside the programme's period, naming the field and the period. */
    void requireWithinPeriod(OfferingTerms terms) {
        requireWithin(terms.startsAt(), "startsAt", "start");
        requireWithin(terms.endsAt(), "endsAt", "end");
    }

    private void requireWithin(Instant instant, String field, String what) {
        LocalDate day = instant.atZone(SWEDEN).toLocalDate();
        if (day.isBefore(start) || day.isAfter(end)) {
            throw new InvalidInput(
                    field,
                    "must lie within the period of the programme that funds the offering, " + start + " – " + end
                            + "; the " + what + " is " + day);
        }
    }
}
