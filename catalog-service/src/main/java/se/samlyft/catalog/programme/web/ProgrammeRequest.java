package se.samlyft.catalog.programme.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.catalog.programme.Funder;
import se.samlyft.catalog.programme.FunderCodes;
import se.samlyft.catalog.programme.ProgrammeTerms;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A programme's terms as a coordinator registers or amends them; amounts in whole kronor, the rate in percent, partner
 * organisations by their tenant ids.
 */
record ProgrammeRequest(
        @NotBlank @Size(max = 50) String number,
        @NotBlank @Size(max = 200) String name,
        @NotNull Funder funder,
        @NotBlank @Size(max = 100) String region,
        @NotNull LocalDate start,
        @NotNull LocalDate end,
        @NotNull @PositiveOrZero Long totalBudgetSek,
        @NotNull @PositiveOrZero Long grantSek,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal coFinancingRatePercent,
        @NotNull @Positive Integer plannedParticipants,
        @Nullable @Size(max = 50) String programmeArea,
        @Nullable @Size(max = 50) String specificObjective,
        @Nullable @Size(max = 50) String interventionType,
        @Nullable @Size(max = ProgrammeTerms.MOST_PARTNERS) List<String> partners) {

    ProgrammeTerms toTerms() {
        return new ProgrammeTerms(
                number,
                name,
                funder,
                region,
                start,
                end,
                totalBudgetSek,
                grantSek,
                coFinancingRatePercent,
                plannedParticipants,
                new FunderCodes(programmeArea, specificObjective, interventionType),
                partners == null
                        ? List.of()
                        : partners.stream().map(ProgrammeRequest::tenant).toList());
    }

    private static TenantId tenant(@Nullable String value) {
        try {
            return TenantId.of(value == null ? "" : value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInput("partners", "must name organisations by their tenant id");
        }
    }
}
