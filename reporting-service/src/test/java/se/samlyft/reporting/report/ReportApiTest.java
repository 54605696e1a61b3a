package se.samlyft.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.reporting.fixture.Enrolment;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.Events;
import se.samlyft.reporting.fixture.FederationScenario;
import se.samlyft.reporting.fixture.Person;
import tools.jackson.databind.JsonNode;

/** The reports through the API: the figures, who may read which, and the problems bad input gets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest extends AgainstReporting {

    private final FederationScenario scenario =
            new FederationScenario(UUID.randomUUID().toString().substring(0, 6));

    /** Arvidsjaur's own programme, with nothing of the federation in it. */
    private final UUID arvidsjaursProgramme = UUID.randomUUID();

    @BeforeAll
    void applyTheScenario() {
        apply(scenario.events().toArray(Event[]::new));
        // What Arvidsjaur did alone in March 2021: a course of its own on paid time, and one in its own programme.
        Person alone = Person.of(scenario.arvidsjaur).sex("WOMAN").born(1975);
        Enrolment ownCourse = Enrolment.of(alone, scenario.arvidsjaur, null);
        Enrolment ownProgramme = Enrolment.of(alone, scenario.arvidsjaur, arvidsjaursProgramme);
        apply(
                Events.programme(
                        arvidsjaursProgramme,
                        scenario.arvidsjaur,
                        1,
                        "Språkombud i Arvidsjaur",
                        LocalDate.of(2021, 1, 1),
                        LocalDate.of(2021, 12, 31),
                        10),
                alone.described(),
                ownCourse.requested("2021-03-01T08:00:00Z"),
                ownCourse.started("2021-03-02T08:00:00Z"),
                ownCourse.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "12", "12", 1),
                ownProgramme.requested("2021-03-01T08:00:00Z"),
                ownProgramme.started("2021-03-03T08:00:00Z"),
                ownProgramme.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "5", "5", 1));
    }

    @Test
    void theFederationsReportsOfPeopleShowOnlyItsOwnOfferingsAndProgrammesNeverWhatAMemberDidAlone() {
        String leader = federationCoordinatorOf(scenario.federation);
        JsonNode federationsPaidTime = http.get("/api/reports/paid-time?from=2021-01&to=2021-12", leader)
                .json();
        var membersOwnMonthly =
                http.get("/api/reports/programmes/" + arvidsjaursProgramme + "/monthly/2021-03", leader);
        JsonNode arvidsjaursPaidTime = http.get(
                        "/api/reports/paid-time?from=2021-03&to=2021-03", coordinatorOf(scenario.arvidsjaur))
                .json();
        JsonNode arvidsjaursMonthly = http.get(
                        "/api/reports/programmes/" + arvidsjaursProgramme + "/monthly/2021-03",
                        coordinatorOf(scenario.arvidsjaur))
                .json();

        assertThat(federationsPaidTime.path("total").decimalValue()).isEqualByComparingTo("46");
        assertThat(federationsPaidTime.path("lines")).hasSize(5);
        assertThat(membersOwnMonthly.status()).as(membersOwnMonthly.body()).isEqualTo(404);
        assertThat(arvidsjaursPaidTime.path("total").decimalValue())
                .as("Arvidsjaur's coordinator sees all of Arvidsjaur's paid time")
                .isEqualByComparingTo("47");
        assertThat(arvidsjaursMonthly.path("hours")).hasSize(1);
    }

    @Test
    void federationCoordinatorFollowsUpTheProgrammeAcrossTheMembersWithSmallCountsHidden() {
        JsonNode report = http.get(followUp(), federationCoordinatorOf(scenario.federation))
                .json();

        assertThat(report.path("programme").path("name").asString()).isEqualTo("Välfärdsteknologi i omsorgen");
        assertThat(report.path("plannedParticipants").asInt()).isEqualTo(3);
        assertThat(report.path("participants").asLong()).isEqualTo(8);
        assertThat(report.path("percentOfPlanned").asInt()).isEqualTo(267);
        assertThat(report.path("started").asLong()).isEqualTo(8);
        assertThat(report.path("ongoing").asLong()).isEqualTo(5);
        assertThat(report.path("completed").asLong()).isEqualTo(2);
        assertThat(report.path("withdrawn").asLong()).isEqualTo(1);
        assertThat(report.path("completionRatePercent").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(report.path("hours").decimalValue()).isEqualByComparingTo("62");
        assertThat(report.path("paidWorkingTimeHours").decimalValue()).isEqualByComparingTo("46");
        assertThat(report.path("shareRating4Or5Percent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(report.path("smallCountThreshold").asInt()).isEqualTo(5);
        JsonNode breakdowns = report.path("breakdowns");
        assertThat(breakdowns.path("SEX").path("WOMAN").asLong()).isEqualTo(6);
        assertThat(breakdowns.path("SEX").path("MAN").asString()).isEqualTo("<5");
        assertThat(breakdowns.path("SEX").path("NON_BINARY").asString()).isEqualTo("<5");
        assertThat(breakdowns.path("ORGANISATION").path(scenario.arvidsjaur).asLong())
                .isEqualTo(5);
        assertThat(breakdowns.path("ORGANISATION").path(scenario.mala).asLong()).isEqualTo(2);
        assertThat(breakdowns.path("WORKPLACE").path("Särskilt boende Åsgården").asLong())
                .isEqualTo(4);
        assertThat(breakdowns.path("OCCUPATION").path("CARE_AIDE").asLong()).isEqualTo(1);
    }

    @Test
    void coordinatorSeesOnlyTheirOrganisationWithExactCounts() {
        JsonNode report =
                http.get(followUp(), coordinatorOf(scenario.arvidsjaur)).json();

        assertThat(report.path("participants").asLong()).isEqualTo(5);
        assertThat(report.path("breakdowns").path("ORGANISATION").properties())
                .extracting(entry -> entry.getKey())
                .containsExactly(scenario.arvidsjaur);
        assertThat(report.path("breakdowns").path("SEX").path("MAN").asLong()).isEqualTo(1);
        assertThat(report.path("programme").isNull())
                .as("the federation's programme is not Arvidsjaur's")
                .isTrue();
        assertThat(report.path("smallCountThreshold").isNull()).isTrue();
    }

    @Test
    void federationViewCountsThePeriod() {
        String path = "/api/reports/federation?from=2021-01-01&to=2021-12-31&programmeId=" + scenario.programme;
        JsonNode year =
                http.get(path, federationCoordinatorOf(scenario.federation)).json();
        JsonNode before = http.get(
                        "/api/reports/federation?from=2020-01-01&to=2020-12-31",
                        federationCoordinatorOf(scenario.federation))
                .json();

        assertThat(year.path("participants").asLong()).isEqualTo(8);
        assertThat(year.path("period").path("from").asString()).isEqualTo("2021-01-01");
        assertThat(before.path("participants").asLong()).isZero();
        assertThat(http.get(path, coordinatorOf(scenario.arvidsjaur)).status())
                .as("a municipality is no federation")
                .isEqualTo(404);
    }

    @Test
    void monthlyReportListsWhoStartedAndTheirHours() {
        JsonNode march = http.get(monthly("2021-03"), coordinatorOf(scenario.godAssistans))
                .json();
        JsonNode may = http.get(monthly("2021-05"), federationCoordinatorOf(scenario.federation))
                .json();

        assertThat(march.path("month").asString()).isEqualTo("2021-03");
        assertThat(march.path("correctedMonths")).isEmpty();
        assertThat(march.path("started")).hasSize(1);
        assertThat(march.path("started")
                        .get(0)
                        .path("participant")
                        .path("personId")
                        .asString())
                .isEqualTo(scenario.people.getLast().id().toString());
        assertThat(march.path("hours").get(0).path("paidHours").decimalValue()).isEqualByComparingTo("16");
        assertThat(march.path("resubmission").asBoolean()).isFalse();
        assertThat(may.path("ended")).hasSize(1);
        assertThat(may.path("ended").get(0).path("state").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void paidTimeEvidenceSplitsMunicipalFromPrivateEmployers() {
        JsonNode evidence = http.get(
                        "/api/reports/paid-time?from=2021-01&to=2021-12", federationCoordinatorOf(scenario.federation))
                .json();

        assertThat(evidence.path("lines")).hasSize(5);
        assertThat(evidence.path("totalsByEmployer").path("MUNICIPAL").decimalValue())
                .isEqualByComparingTo("30");
        assertThat(evidence.path("totalsByEmployer").path("PRIVATE").decimalValue())
                .isEqualByComparingTo("16");
        assertThat(evidence.path("total").decimalValue()).isEqualByComparingTo("46");
        assertThat(evidence.path("lines").get(0).path("organisationName").asString())
                .isEqualTo("Arvidsjaurs kommun");
    }

    @Test
    void integratorReadsAggregatesOnlyAndOnlyWithTheReportingScope() {
        String withScope = integratorOf(scenario.federation, "profile reporting");
        String withoutScope = integratorOf(scenario.federation, "profile email");

        assertThat(http.get(followUp(), withScope).json().path("participants").asLong())
                .isEqualTo(8);
        var unscoped = http.get(followUp(), withoutScope);
        var people = http.get(monthly("2021-03"), withScope);
        assertThat(unscoped.status()).isEqualTo(403);
        assertThat(unscoped.json().path("detail").asString())
                .isEqualTo("Only a coordinator of the organisation, or its integrator with the reporting scope, may"
                        + " read its reports.");
        assertThat(people.status()).isEqualTo(403);
        assertThat(people.json().path("detail").asString())
                .isEqualTo("Only a coordinator may read a report that lists people; an integrator reads aggregates"
                        + " only.");
        assertThat(http.get("/api/reports/paid-time?from=2021-01&to=2021-12", withScope)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void participantsMayNotReadReports() {
        assertThat(http.get(followUp(), participantOf(scenario.arvidsjaur)).status())
                .isEqualTo(403);
    }

    @Test
    void aProgrammeTheReaderHasNothingOfIsNotFound() {
        String elsewhere = tenant("sorsele");

        assertThat(http.get(followUp(), coordinatorOf(elsewhere)).status()).isEqualTo(404);
        assertThat(http.get(followUp(), federationCoordinatorOf(tenant("annat-forbund")))
                        .status())
                .as("another federation")
                .isEqualTo(404);
        assertThat(http.get(
                                "/api/reports/programmes/" + UUID.randomUUID() + "/follow-up",
                                federationCoordinatorOf(scenario.federation))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void answersBadInputWithAProblemNamingTheField() {
        String token = federationCoordinatorOf(scenario.federation);

        var format = http.get(followUp() + "?format=pdf", token);
        var month = http.get(monthly("2021-13"), token);
        var period = http.get("/api/reports/federation?from=2021-12-31&to=2021-01-01", token);
        var missing = http.get("/api/reports/paid-time?from=2021-01", token);

        assertThat(format.status()).isEqualTo(400);
        assertThat(format.header("Content-Type")).startsWith("application/problem+json");
        assertThat(format.json().path("errors").get(0).path("field").asString()).isEqualTo("format");
        assertThat(month.status()).isEqualTo(400);
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
        assertThat(missing.status()).isEqualTo(400);
    }

    private String followUp() {
        return "/api/reports/programmes/" + scenario.programme + "/follow-up";
    }

    private String monthly(String month) {
        return "/api/reports/programmes/" + scenario.programme + "/monthly/" + month;
    }
}
