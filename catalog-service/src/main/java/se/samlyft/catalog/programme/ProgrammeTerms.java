package se.samlyft.catalog.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.samlyft.platform.problem.InvalidInput;

/**
 * What a funding decision says about a programme: its number with the funder (an ESF project number such as
 * {@code 2020/00194}), name, funder, region, period, total budget and grant in whole kronor, co-financing rate in
 * percent, planned participants and the funder's codes.
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
        FunderCodes codes) {

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
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
        return value.strip();
    }
}
