package se.samlyft.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.reporting.fixture.Enrolment;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.Events;
import se.samlyft.reporting.fixture.FederationScenario;
import se.samlyft.reporting.fixture.Person;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;

/**
 * Every report query names its tenant scope itself: the same reports come out with row-level security switched off on
 * the read model's tables, although another organisation outside the federation has enrolments, hours and paid time
 * in the same programme and months.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplicitScopeTest extends AgainstReporting {

    /** The read model's tenant-owned tables, each with row-level security. */
    static final List<String> TABLES = List.of(
            "organisation", "federation", "federation_member", "programme", "person", "enrolment", "time_statement");

    @Autowired
    TestDatabase database;

    private final FederationScenario scenario =
            new FederationScenario(UUID.randomUUID().toString().substring(0, 6));
    private final String outsider = tenant("lycksele");

    @BeforeAll
    void applyTheScenarioAndAnOutsidersEnrolmentsInTheSameProgramme() {
        List<Event> events = new ArrayList<>(scenario.events());
        events.add(Events.municipality(outsider, "Lycksele kommun", "2481"));
        for (int i = 0; i < 3; i++) {
            Person person = Person.of(outsider).sex("WOMAN").born(1975 + i);
            Enrolment enrolment = Enrolment.of(person, scenario.federation, scenario.programme);
            events.add(person.described());
            events.add(enrolment.requested("2021-03-01T08:00:00Z"));
            events.add(enrolment.started("2021-03-08T08:00:00Z"));
            events.add(enrolment.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "12", "8", 2));
            events.add(enrolment.completed("2021-03-30T08:00:00Z"));
            events.add(enrolment.evaluation("2021-03-31T08:00:00Z", 4));
        }
        apply(events.toArray(Event[]::new));
    }

    @Test
    void reportsAreTheSameWithRowLevelSecurityOnAndOff() {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        assertThat(owner.queryForObject(
                        "select count(*) from enrolment where tenant_id = ? and programme_id = ?",
                        Long.class,
                        outsider,
                        scenario.programme))
                .as("the outsider's enrolments in the programme")
                .isEqualTo(3);

        Map<String, TestHttp.Response> on = reports();
        Map<String, TestHttp.Response> off;
        try {
            TABLES.forEach(table -> owner.execute("alter table " + table + " disable row level security"));
            off = reports();
        } finally {
            TABLES.forEach(table -> owner.execute("alter table " + table + " enable row level security"));
        }

        assertThat(owner.queryForList(
                        "select relname from pg_class where relrowsecurity and relname = any (?)",
                        String.class,
                        (Object) TABLES.toArray(String[]::new)))
                .as("row-level security restored")
                .hasSize(TABLES.size());
        on.forEach((report, answer) -> {
            assertThat(answer.status()).as(report).isEqualTo(200);
            assertThat(answer.body()).as(report).doesNotContain(outsider);
            assertThat(off.get(report).status()).as(report).isEqualTo(200);
            assertThat(off.get(report).json()).as(report).isEqualTo(answer.json());
        });
        assertThat(on.get("coordinator's follow-up").json().path("participants").asLong())
                .isEqualTo(5);
        assertThat(on.get("coordinator's follow-up").json().path("programme").isNull())
                .as("the federation's programme terms, hidden from a member's coordinator")
                .isTrue();
        assertThat(on.get("federation view").json().path("participants").asLong())
                .isEqualTo(8);
        assertThat(on.get("monthly report").json().path("started").size()).isEqualTo(8);
        assertThat(on.get("monthly report").json().path("resubmission").asBoolean())
                .as("the outsider's corrected month")
                .isFalse();
    }

    private Map<String, TestHttp.Response> reports() {
        String federation = federationCoordinatorOf(scenario.federation);
        String programme = "/api/reports/programmes/" + scenario.programme;
        Map<String, TestHttp.Response> reports = new LinkedHashMap<>();
        reports.put("coordinator's follow-up", http.get(programme + "/follow-up", coordinatorOf(scenario.arvidsjaur)));
        reports.put("federation's follow-up", http.get(programme + "/follow-up", federation));
        reports.put("federation view", http.get("/api/reports/federation?from=2021-01-01&to=2021-12-31", federation));
        reports.put("monthly report", http.get(programme + "/monthly/2021-03", federation));
        reports.put(
                "coordinator's monthly report",
                http.get(programme + "/monthly/2021-03", coordinatorOf(scenario.arvidsjaur)));
        reports.put("paid-time evidence", http.get("/api/reports/paid-time?from=2021-01&to=2021-12", federation));
        return reports;
    }
}
