package se.samlyft.catalog.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.catalog.programme.Funder;
import se.samlyft.catalog.programme.Programme;
import se.samlyft.catalog.programme.ProgrammeTerms;
import se.samlyft.platform.tenancy.TenantId;

/** A programme as the API shows it. */
record ProgrammeView(
        UUID id,
        String owner,
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
        @Nullable String programmeArea,
        @Nullable String specificObjective,
        @Nullable String interventionType,
        List<String> partners,
        long version) {

    static ProgrammeView of(Programme programme) {
        ProgrammeTerms terms = programme.terms();
        return new ProgrammeView(
                programme.id(),
                programme.owner().value(),
                terms.number(),
                terms.name(),
                terms.funder(),
                terms.region(),
                terms.start(),
                terms.end(),
                terms.totalBudgetSek(),
                terms.grantSek(),
                terms.coFinancingRatePercent(),
                terms.plannedParticipants(),
                terms.codes().programmeArea(),
                terms.codes().specificObjective(),
                terms.codes().interventionType(),
                terms.partners().stream().map(TenantId::value).toList(),
                programme.version());
    }
}
