package se.samlyft.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

class FederationTest {

    private static final TenantId AKADEMI_NORR = TenantId.of("akademi-norr");
    private static final TenantId MALA = TenantId.of("mala");
    private static final TenantId SOLLEFTEA = TenantId.of("solleftea");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aPeriodsMembersAreThoseOfThatPeriod() {
        Federation federation = Federation.restore(AKADEMI_NORR, List.of(), 0);
        federation.join(MALA, LocalDate.parse("2020-08-01"), NOW);
        federation.leave(MALA, LocalDate.parse("2021-07-01"), NOW);
        federation.join(SOLLEFTEA, LocalDate.parse("2021-07-01"), NOW);

        assertThat(federation.membersOn(LocalDate.parse("2021-06-30"))).containsExactly(MALA);
        assertThat(federation.membersOn(LocalDate.parse("2021-07-01"))).containsExactly(SOLLEFTEA);
        assertThat(federation.membersDuring(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")))
                .containsExactly(MALA, SOLLEFTEA);
        assertThat(federation.version()).isEqualTo(3);
        assertThat(federation.events()).hasSize(3);
        assertThat(federation.events().getLast().members()).hasSize(2);
    }

    @Test
    void refusesOverlappingPeriodsAndLeavingWithoutBeingAMember() {
        Federation federation = Federation.restore(AKADEMI_NORR, List.of(), 0);
        federation.join(MALA, LocalDate.parse("2020-08-01"), NOW);

        assertThatThrownBy(() -> federation.join(MALA, LocalDate.parse("2021-01-01"), NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> federation.leave(SOLLEFTEA, LocalDate.parse("2021-01-01"), NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> federation.leave(MALA, LocalDate.parse("2020-08-01"), NOW))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> federation.join(AKADEMI_NORR, LocalDate.parse("2020-08-01"), NOW))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aMemberThatLeftMayJoinAgainLater() {
        Federation federation = Federation.restore(AKADEMI_NORR, List.of(), 0);
        federation.join(MALA, LocalDate.parse("2020-08-01"), NOW);
        federation.leave(MALA, LocalDate.parse("2021-07-01"), NOW);

        assertThatThrownBy(() -> federation.join(MALA, LocalDate.parse("2021-06-01"), NOW))
                .isInstanceOf(Conflict.class);
        federation.join(MALA, LocalDate.parse("2022-01-01"), NOW);

        assertThat(federation.history()).hasSize(2);
        assertThat(federation.membersOn(LocalDate.parse("2021-12-31"))).isEmpty();
        assertThat(federation.membersOn(LocalDate.parse("2022-01-01"))).containsExactly(MALA);
    }
}
