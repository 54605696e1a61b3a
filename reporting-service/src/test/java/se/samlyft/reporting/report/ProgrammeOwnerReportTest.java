package se.samlyft.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.reporting.fixture.Enrolment;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.Events;
import se.samlyft.reporting.fixture.Person;
import tools.jackson.databind.JsonNode;

/**
 * A programme owned by one municipality (Skellefteå's project, January to June 2021) funding its own course, on which
 * its partner, a private provider, enrols staff too, and a joint course of the federation Skellefteå is a member of,
 * on which another member (Norsjö) enrols: the owner reports all of them to the funder; the partner and the member
 * see their own. An organisation outside both (Malå) that has an enrolment in the programme on an offering of its own
 * stays hidden from the owner, and the owner's people from everyone else. Two of Skellefteå's people begin in March,
 * the partner's and Norsjö's in April (Norsjö's completes in May); the partner's person also reports hours for
 * August, after the period.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeOwnerReportTest extends AgainstReporting {

    private final String owner = tenant("skelleftea");
    private final String partner = tenant("omsorg-i-norr");
    private final String member = tenant("norsjo");
    private final String federation = tenant("skelleftea-region");
    private final String outsider = tenant("mala");
    private final UUID programme = UUID.randomUUID();
    private final List<Person> people = new ArrayList<>();
    private final Person norsjoPerson = Person.of(member).sex("NON_BINARY").born(1988);

    @BeforeAll
    void applyTheProgramme() {
        List<Event> events = new ArrayList<>();
        events.add(Events.municipality(owner, "Skellefteå kommun", "2482"));
        events.add(Events.privateProvider(partner, "Omsorg i Norr AB"));
        events.add(Events.municipality(member, "Norsjö kommun", "2417"));
        events.add(Events.municipality(outsider, "Malå kommun", "2418"));
        events.add(Events.organisation(
                federation, 1, "FEDERATION", "Skellefteåregionens utbildningsförbund", "NONE", null));
        events.add(Events.membership(federation, 1)
                .member(owner, "2020-01-01")
                .member(member, "2020-01-01")
                .event());
        events.add(Events.programme(
                programme,
                owner,
                1,
                "Vård och omsorg på distans",
                LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 6, 30),
                10));
        for (int i = 0; i < 2; i++) {
            Person person = Person.of(owner).sex("WOMAN").born(1975 + i);
            people.add(person);
            Enrolment enrolment = Enrolment.of(person, owner, programme);
            events.add(person.described());
            events.add(enrolment.requested("2021-03-01T08:00:00Z"));
            events.add(enrolment.started("2021-03-08T08:00:00Z"));
            events.add(enrolment.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "6", "4", 1));
        }
        Person assistant = Person.of(partner).sex("MAN").born(1990);
        people.add(assistant);
        Enrolment late = Enrolment.of(assistant, owner, programme);
        events.add(assistant.described());
        events.add(late.requested("2021-04-01T08:00:00Z"));
        events.add(late.started("2021-04-12T08:00:00Z"));
        events.add(late.timeStatement("2021-04-30T18:00:00Z", "IN_PROGRESS", "2021-04", "8", "8", 1));
        events.add(late.timeStatement("2021-08-31T18:00:00Z", "IN_PROGRESS", "2021-08", "5", "3", 1));
        Person norsjo = norsjoPerson;
        Enrolment joint = Enrolment.of(norsjo, federation, programme);
        events.add(norsjo.described());
        events.add(joint.requested("2021-04-01T08:00:00Z"));
        events.add(joint.started("2021-04-15T08:00:00Z"));
        events.add(joint.completed("2021-05-20T08:00:00Z"));
        Person elsewhere = Person.of(outsider).sex("WOMAN").born(1980);
        Enrolment own = Enrolment.of(elsewhere, outsider, programme);
        events.add(elsewhere.described());
        events.add(own.requested("2021-03-01T08:00:00Z"));
        events.add(own.started("2021-03-02T08:00:00Z"));
        apply(events.toArray(Event[]::new));
    }

    @Test
    void theOwnerFollowsUpEveryOrganisationsParticipantsInItsProgramme() {
        JsonNode report = http.get(followUp(), coordinatorOf(owner)).json();

        assertThat(report.path("programme").path("name").asString()).isEqualTo("Vård och omsorg på distans");
        assertThat(report.path("participants").asLong()).isEqualTo(4);
        JsonNode organisations = report.path("breakdowns").path("ORGANISATION");
        assertThat(organisations.path(owner).asLong()).isEqualTo(2);
        assertThat(organisations.path(partner).asLong())
                .as("the partner's participant on the owner's course, whom the owner reports to the funder")
                .isEqualTo(1);
        assertThat(organisations.path(member).asLong())
                .as("the other member's participant on the federation's joint course")
                .isEqualTo(1);
        assertThat(organisations.has(outsider))
                .as("an organisation that is neither partner nor member")
                .isFalse();
        assertThat(report.path("smallCountThreshold").isNull()).isTrue();
    }

    @Test
    void thePartnerSeesItsOwnParticipantsOnlyAndAnOutsiderItsOwn() {
        JsonNode partnerView = http.get(followUp(), coordinatorOf(partner)).json();

        assertThat(partnerView.path("participants").asLong()).isEqualTo(1);
        assertThat(partnerView.path("programme").isNull()).isTrue();
        assertThat(partnerView.path("breakdowns").path("ORGANISATION").properties())
                .extracting(entry -> entry.getKey())
                .containsExactly(partner);
        JsonNode outsiderView = http.get(followUp(), coordinatorOf(outsider)).json();
        assertThat(outsiderView.path("participants").asLong()).isEqualTo(1);
        assertThat(outsiderView.path("breakdowns").path("ORGANISATION").properties())
                .extracting(entry -> entry.getKey())
                .containsExactly(outsider);
        assertThat(http.get(followUp(), coordinatorOf(tenant("sorsele"))).status())
                .as("an organisation with nothing in the programme")
                .isEqualTo(404);
        assertThat(http.get(monthly("2021-03"), coordinatorOf(tenant("sorsele")))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(followUp(), federationCoordinatorOf(federation))
                        .json()
                        .path("breakdowns")
                        .path("ORGANISATION")
                        .has(partner))
                .as("the federation reads its members, not the owner's partner")
                .isFalse();
        assertThat(http.get(monthly("2021-03"), coordinatorOf(partner)).json().path("started"))
                .as("the owner's people are not the partner's to see")
                .isEmpty();
    }

    @Test
    void countsTheParticipantsMonthByMonthOverTheProgrammesPeriod() {
        JsonNode months = http.get(followUp(), coordinatorOf(owner)).json().path("participantsByMonth");

        assertThat(months).hasSize(6);
        assertThat(months.get(0).path("month").asString()).isEqualTo("2021-01");
        assertThat(months.valueStream().map(month -> month.path("participants").asLong()))
                .containsExactly(0L, 0L, 2L, 4L, 4L, 4L);
    }

    @Test
    void flagsTheHoursConfirmedOutsideTheProgrammesPeriod() {
        JsonNode report = http.get(followUp(), coordinatorOf(owner)).json();

        assertThat(report.path("hours").decimalValue()).isEqualByComparingTo("25");
        assertThat(report.path("hoursOutsidePeriod").decimalValue()).isEqualByComparingTo("5");
        assertThat(report.path("paidWorkingTimeHoursOutsidePeriod").decimalValue())
                .isEqualByComparingTo("3");
    }

    @Test
    void theOwnersMonthlyReportNamesThePartnersParticipants() {
        JsonNode april = http.get(monthly("2021-04"), coordinatorOf(owner)).json();

        assertThat(april.path("started")).hasSize(2);
        assertThat(april.path("started")
                        .valueStream()
                        .map(started ->
                                started.path("participant").path("personId").asString()))
                .contains(people.getLast().id().toString());
        assertThat(april.path("hours").get(0).path("hours").decimalValue()).isEqualByComparingTo("8");
    }

    @Test
    void refusesAMonthlyReportOutsideTheProgrammesPeriod() {
        var august = http.get(monthly("2021-08"), coordinatorOf(owner));

        assertThat(august.status()).isEqualTo(400);
        assertThat(august.json().path("errors").get(0).path("field").asString()).isEqualTo("month");
        assertThat(august.json().path("errors").get(0).path("message").asString())
                .contains("2021-01-01", "2021-06-30");
    }

    @Test
    void theOwnersProjectLeaderListsExactlyTheProgrammesParticipantsWithTheirMonths() {
        JsonNode list = http.get(participants(programme), coordinatorOf(owner)).json();

        assertThat(list.path("participants")
                        .valueStream()
                        .map(participant -> participant.path("personId").asString()
                                + " " + participant.path("organisation").asString()
                                + " " + participant.path("startMonth").asString()
                                + " "
                                + (participant.path("endMonth").isNull()
                                        ? "-"
                                        : participant.path("endMonth").asString())))
                .as("the owner's two, its partner's and the federation member's: never the outsider's")
                .containsExactlyInAnyOrder(
                        people.get(0).id() + " " + owner + " 2021-03 -",
                        people.get(1).id() + " " + owner + " 2021-03 -",
                        people.get(2).id() + " " + partner + " 2021-04 -",
                        norsjoPerson.id() + " " + member + " 2021-04 2021-05");
    }

    @Test
    void refusesTheParticipantListToAnyoneButTheOwnersProjectLeader() {
        for (String token : List.of(
                coordinatorOf(partner),
                coordinatorOf(member),
                coordinatorOf(outsider),
                federationCoordinatorOf(federation))) {
            var refused = http.get(participants(programme), token);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("detail").asString())
                    .contains("Only the project leader of the programme's owner");
        }
        assertThat(http.get(participants(UUID.randomUUID()), coordinatorOf(owner))
                        .status())
                .as("an unknown programme")
                .isEqualTo(404);
    }

    private String participants(UUID programmeId) {
        return "/api/reports/programmes/" + programmeId + "/participants";
    }

    private String followUp() {
        return "/api/reports/programmes/" + programme + "/follow-up";
    }

    private String monthly(String month) {
        return "/api/reports/programmes/" + programme + "/monthly/" + month;
    }
}
