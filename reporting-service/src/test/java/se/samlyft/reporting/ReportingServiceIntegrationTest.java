package se.samlyft.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.reporting.fixture.Enrolment;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.Events;
import se.samlyft.reporting.fixture.Person;
import se.samlyft.reporting.projection.ReadModel;
import se.samlyft.reporting.projection.messaging.EventProjection;
import se.samlyft.testsupport.ServicePlatformTest;
import se.samlyft.testsupport.TestTokens;

class ReportingServiceIntegrationTest extends ServicePlatformTest {

    private static final UUID PROGRAMME = UUID.fromString("7f0c3f1e-5a0e-4c55-9d0b-2f4a0c9e1a01");

    @Autowired
    EventProjection projection;

    @Autowired
    ReadModel readModel;

    ReportingServiceIntegrationTest() {
        super("/api/reports");
    }

    /** Rows in every read-model table of both tenants, made once: applying them again changes nothing. */
    private static final List<Event> SEED = seed();

    /** Rows in every read-model table of both tenants, written the only way the service writes them: from events. */
    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        SEED.forEach(event -> projection.apply(readModel.generations().current(), event.inbound()));
    }

    private static List<Event> seed() {
        List<Event> events = new ArrayList<>();
        for (String tenant : new String[] {ARVIDSJAUR, MALA}) {
            Person person = Person.of(tenant);
            Enrolment enrolment = Enrolment.of(person, tenant, PROGRAMME);
            events.addAll(List.of(
                    Events.municipality(tenant, tenant.equals(MALA) ? "Malå kommun" : "Arvidsjaurs kommun", "2505"),
                    Events.membership(tenant, 1).member("sorsele", "2020-08-01").event(),
                    Events.programme(
                            PROGRAMME,
                            tenant,
                            1,
                            "Välfärdsteknologi i omsorgen",
                            LocalDate.of(2020, 8, 1),
                            LocalDate.of(2022, 12, 31),
                            460),
                    person.described(),
                    enrolment.requested("2021-03-01T08:00:00Z"),
                    enrolment.started("2021-03-02T08:00:00Z"),
                    enrolment.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "6", "6", 1)));
        }
        Person second = Person.of(ARVIDSJAUR);
        Enrolment enrolment = Enrolment.of(second, ARVIDSJAUR, PROGRAMME);
        events.addAll(List.of(
                second.described(),
                enrolment.requested("2021-03-01T08:00:00Z"),
                enrolment.started("2021-03-03T08:00:00Z")));
        return List.copyOf(events);
    }

    @Test
    void countsOnlyTheCallersOrganisation() {
        String path = "/api/reports/programmes/" + PROGRAMME + "/follow-up";
        var ofArvidsjaur = http.get(path, TestTokens.get().forUser("arvidsjaur-samordnare", ARVIDSJAUR, "coordinator"))
                .json();
        var ofMala = http.get(path, TestTokens.get().forUser("mala-samordnare", MALA, "coordinator"))
                .json();

        assertThat(ofArvidsjaur.path("participants").asLong()).isEqualTo(2);
        assertThat(ofArvidsjaur.path("breakdowns").path("ORGANISATION").has(MALA))
                .isFalse();
        assertThat(ofMala.path("participants").asLong()).isEqualTo(1);
    }
}
