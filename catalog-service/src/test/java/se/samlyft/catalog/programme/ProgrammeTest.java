package se.samlyft.catalog.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samlyft.catalog.programme.ProgrammeFixture.valfardsteknologi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

class ProgrammeTest {

    private static final TenantId AKADEMI_NORR = TenantId.of("akademi-norr");
    private static final LocalDate END = LocalDate.of(2020, 2, 28);
    private static final Instant NOW = Instant.parse("2020-06-15T09:00:00Z");

    @Test
    void registeringRecordsTheRegistrationAtVersionOne() {
        Programme programme = Programme.register(UUID.randomUUID(), AKADEMI_NORR, valfardsteknologi(460), NOW);

        assertThat(programme.version()).isEqualTo(1);
        assertThat(programme.events()).singleElement().isInstanceOf(ProgrammeEvent.Registered.class);
    }

    @Test
    void amendingRaisesTheVersionAndRecordsTheChange() {
        Programme programme = Programme.restore(UUID.randomUUID(), AKADEMI_NORR, valfardsteknologi(460), 1);

        programme.amend(valfardsteknologi(500), NOW);

        assertThat(programme.version()).isEqualTo(2);
        assertThat(programme.terms().plannedParticipants()).isEqualTo(500);
        assertThat(programme.events()).singleElement().isInstanceOf(ProgrammeEvent.Changed.class);
    }

    @Test
    void namesEachPartnerOnceAndNeverItsOwner() {
        TenantId godAssistans = TenantId.of("god-assistans-i-norr");
        ProgrammeTerms withPartner = valfardsteknologi(460);
        ProgrammeTerms withOwner = new ProgrammeTerms(
                withPartner.number(),
                withPartner.name(),
                withPartner.funder(),
                withPartner.region(),
                withPartner.start(),
                withPartner.end(),
                withPartner.totalBudgetSek(),
                withPartner.grantSek(),
                withPartner.coFinancingRatePercent(),
                withPartner.plannedParticipants(),
                withPartner.codes(),
                List.of(godAssistans, AKADEMI_NORR));

        assertThatThrownBy(() -> Programme.register(UUID.randomUUID(), AKADEMI_NORR, withOwner, NOW))
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("partners"));
        assertThatThrownBy(() -> new ProgrammeTerms(
                        withPartner.number(),
                        withPartner.name(),
                        withPartner.funder(),
                        withPartner.region(),
                        withPartner.start(),
                        withPartner.end(),
                        withPartner.totalBudgetSek(),
                        withPartner.grantSek(),
                        withPartner.coFinancingRatePercent(),
                        withPartner.plannedParticipants(),
                        withPartner.codes(),
                        List.of(godAssistans, godAssistans)))
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("partners"));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> terms(LocalDate.of(2018, 2, 28), 2_000, 1_000, BigDecimal.TEN, 10))
                .isInstanceOf(InvalidInput.class)
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("end"));
    }

    @Test
    void refusesAGrantAboveTheBudgetARateAboveAHundredAndNoParticipants() {
        assertThatThrownBy(() -> terms(END, 1_000, 2_000, BigDecimal.TEN, 10))
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("grantSek"));
        assertThatThrownBy(() -> terms(END, 2_000, 1_000, new BigDecimal("100.5"), 10))
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("coFinancingRatePercent"));
        assertThatThrownBy(() -> terms(END, 2_000, 1_000, BigDecimal.TEN, 0))
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("plannedParticipants"));
        assertThatThrownBy(() -> terms(END, -1, 0, BigDecimal.TEN, 10))
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("totalBudgetSek"));
    }

    private static ProgrammeTerms terms(LocalDate end, long budget, long grant, BigDecimal rate, int participants) {
        return new ProgrammeTerms(
                "2018/00123",
                "Kompetenslyftet PA",
                Funder.ESF,
                "Norrbotten",
                LocalDate.of(2018, 3, 1),
                end,
                budget,
                grant,
                rate,
                participants,
                FunderCodes.none(),
                List.of());
    }
}
