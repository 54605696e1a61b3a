package se.samlyft.catalog.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * What a funding decision says about a programme: its number with the funder (an ESF project number such as
 * {@code 2020/00194}), name, funder, region, period, total budget and grant in whole kronor, co-financing rate in
 * percent, planned participants, the funder's codes, and the partner organisations the project runs its courses with
 * (a municipality's project with a private care provider): an offering the programme funds may be offered to them.
 */
public record ProgrammeTerms(
        String number,
        String name,
        Funder funder,
        String region,
        LocalDate start,
        LocalDate end,
        long totalBudgetSek,
        long grantSek,
        BigDecimal coFinancingRatePercent,
        int plannedParticipants,
        FunderCodes codes,
        List<TenantId> partners) {

    /** The most partners one programme may name. */
    public static final int MOST_PARTNERS = 50;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ProgrammeTerms {
        number = required(number, "number");
        name = required(name, "name");
        region = required(region, "region");
        if (funder == null) {
            throw new InvalidInput("funder", "must be one of ESF, STATE_GRANT, OTHER");
        }
        if (start == null) {
            throw new InvalidInput("start", "must be given");
        }
        if (end == null || end.isBefore(start)) {
            throw new InvalidInput("end", "must not be before the start");
        }
        if (totalBudgetSek < 0) {
            throw new InvalidInput("totalBudgetSek", "must not be negative");
        }
        if (grantSek < 0) {
            throw new InvalidInput("grantSek", "must not be negative");
        }
        if (grantSek > totalBudgetSek) {
            throw new InvalidInput("grantSek", "must not exceed the total budget");
        }
        if (coFinancingRatePercent == null
                || coFinancingRatePercent.signum() < 0
                || coFinancingRatePercent.compareTo(HUNDRED) > 0) {
            throw new InvalidInput("coFinancingRatePercent", "must be between 0 and 100");
        }
        if (plannedParticipants < 1) {
            throw new InvalidInput("plannedParticipants", "must be at least 1");
        }
        if (codes == null) {
            codes = FunderCodes.none();
        }
        partners = partners == null ? List.of() : List.copyOf(partners);
        if (partners.size() > MOST_PARTNERS) {
            throw new InvalidInput("partners", "must name at most " + MOST_PARTNERS + " organisations");
        }
        if (new HashSet<>(partners).size() != partners.size()) {
            throw new InvalidInput("partners", "must name each organisation once");
        }
    }

    /** Whether the programme's period holds the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
        return value.strip();
    }
}
