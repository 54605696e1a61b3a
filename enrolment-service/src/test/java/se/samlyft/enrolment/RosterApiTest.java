package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.enrolment.EnrolmentApi.coordinator;
import static se.samlyft.enrolment.EnrolmentApi.invalidFields;
import static se.samlyft.enrolment.EnrolmentApi.manager;
import static se.samlyft.enrolment.EnrolmentApi.participant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.enrolment.enrolment.messaging.Upstream;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * An offering's roster and seat use for its owner (the federation's project leader of a joint offering), a member's
 * coordinator's view of their own people on it, and a coordinator's list of the approvals waiting in the organisation.
 */
class RosterApiTest extends AgainstEnrolment {

    private static final String ARVIDSJAUR = "arvidsjaur";
    private static final String MALA = "mala";
    private static final String SORSELE = "sorsele";

    /**
     * A joint offering of three seats, a quota of one for Arvidsjaur and one for Malå and one seat in the pool: two of
     * Arvidsjaur's people take its quota and the pool, one of Malå's its quota, and one of Sorsele's waits.
     */
    private record Joint(UUID offering, List<String> enrolments) {}

    private Joint joint() {
        OfferingSpec spec = new OfferingSpec(upstream.course("SELF_PACED_DIGITAL", 4));
        spec.capacity = 3;
        spec.quotas = Map.of(ARVIDSJAUR, 1, MALA, 1);
        UUID offering = upstream.schedule(spec);
        List<String> enrolments = List.of(
                enrol(ARVIDSJAUR, offering),
                enrol(ARVIDSJAUR, offering),
                enrol(MALA, offering),
                enrol(SORSELE, offering));
        return new Joint(offering, enrolments);
    }

    private String enrol(String tenant, UUID offering) {
        var created = api.enrol(participant(tenant, upstream.person(tenant, null)), offering);
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String projectLeader() {
        return TestTokens.get()
                .forUser(Upstream.FEDERATION + "-projektledare", Upstream.FEDERATION, "federation-coordinator");
    }

    private static String roster(UUID offering) {
        return "/api/enrolments/offerings/" + offering;
    }

    @Test
    void theOwnerListsEveryOrganisationsEnrolmentsInOrderOfArrival() {
        Joint joint = joint();

        JsonNode roster = api.get(roster(joint.offering()), projectLeader()).json();

        assertThat(roster.path("totalItems").asLong()).isEqualTo(4);
        assertThat(roster.path("items").valueStream().map(e -> e.path("id").asString()))
                .containsExactlyElementsOf(joint.enrolments());
        assertThat(roster.path("items")
                        .valueStream()
                        .map(e -> e.path("organisation").asString()))
                .containsExactly(ARVIDSJAUR, ARVIDSJAUR, MALA, SORSELE);
        assertThat(roster.path("items").valueStream().map(e -> e.path("state").asString()))
                .containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITLISTED");
        JsonNode waiting = roster.path("items").get(3);
        assertThat(waiting.path("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(roster.path("items").get(0).path("percent").asInt())
                .as("progress of a course of four modules")
                .isZero();
    }

    @Test
    void theRosterFiltersByStateAndOrganisationAndPages() {
        Joint joint = joint();

        JsonNode waiting = api.get(roster(joint.offering()) + "?state=WAITLISTED", projectLeader())
                .json();
        JsonNode mala = api.get(roster(joint.offering()) + "?organisation=" + MALA, projectLeader())
                .json();
        JsonNode second = api.get(roster(joint.offering()) + "?page=1&size=3", projectLeader())
                .json();

        assertThat(waiting.path("items").valueStream().map(e -> e.path("id").asString()))
                .containsExactly(joint.enrolments().get(3));
        assertThat(mala.path("totalItems").asLong()).isEqualTo(1);
        assertThat(mala.path("items").get(0).path("organisation").asString()).isEqualTo(MALA);
        assertThat(second.path("totalPages").asLong()).isEqualTo(2);
        assertThat(second.path("items").valueStream().map(e -> e.path("id").asString()))
                .containsExactly(joint.enrolments().get(3));
    }

    @Test
    void aMembersCoordinatorSeesTheirOwnPeopleOnTheOfferingOnly() {
        Joint joint = joint();

        JsonNode own =
                api.get(roster(joint.offering()), coordinator(ARVIDSJAUR)).json();
        var others = api.get(roster(joint.offering()) + "?organisation=" + MALA, coordinator(ARVIDSJAUR));

        assertThat(own.path("totalItems").asLong()).isEqualTo(2);
        assertThat(own.path("items")
                        .valueStream()
                        .map(e -> e.path("organisation").asString()))
                .containsOnly(ARVIDSJAUR);
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.json().path("detail").asString())
                .isEqualTo("Only the offering's owner may list the enrolments of other organisations than the"
                        + " caller's.");
    }

    @Test
    void theOwnerSeesEachOrganisationsUseOfItsQuotaAndThePool() {
        Joint joint = joint();

        JsonNode seats =
                api.get(roster(joint.offering()) + "/seats", projectLeader()).json();

        assertThat(seats.path("capacity").asInt()).isEqualTo(3);
        assertThat(seats.path("pool").asInt()).isEqualTo(1);
        assertThat(seats.path("poolTaken").asInt()).isEqualTo(1);
        assertThat(seats.path("quotasReleased").asBoolean()).isFalse();
        JsonNode lines = seats.path("organisations");
        assertThat(lines.valueStream().map(line -> line.path("organisation").asString()))
                .containsExactly(ARVIDSJAUR, MALA, SORSELE);
        assertThat(lines.get(0).path("quota").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("fromQuota").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("fromPool").asInt()).isEqualTo(1);
        assertThat(lines.get(1).path("fromQuota").asInt()).isEqualTo(1);
        assertThat(lines.get(2).path("quota").isNull()).isTrue();
        assertThat(lines.get(2).path("waiting").asInt()).isEqualTo(1);
    }

    @Test
    void noOneElseReadsTheRosterOrTheSeats() {
        Joint joint = joint();
        UUID person = upstream.person(ARVIDSJAUR, null);

        assertThat(api.get(roster(joint.offering()), coordinator("storuman")).status())
                .as("an organisation outside the audience")
                .isEqualTo(404);
        assertThat(api.get(roster(joint.offering()) + "/seats", coordinator("storuman"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(
                                roster(joint.offering()),
                                TestTokens.get()
                                        .forUser(
                                                "annat-forbund-projektledare",
                                                "annat-forbund",
                                                "federation-coordinator"))
                        .status())
                .as("another federation's project leader")
                .isEqualTo(404);
        assertThat(api.get(roster(joint.offering()), participant(ARVIDSJAUR, person))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(roster(joint.offering()), manager(ARVIDSJAUR, person))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(roster(joint.offering()) + "/seats", coordinator(ARVIDSJAUR))
                        .status())
                .as("a member is not the owner")
                .isEqualTo(403);
        assertThat(api.get(roster(UUID.randomUUID()), projectLeader()).status()).isEqualTo(404);
    }

    @Test
    void answersAnUnknownStateOrOrganisationWithAProblemNamingTheField() {
        Joint joint = joint();

        var state = api.get(roster(joint.offering()) + "?state=PENDING", projectLeader());
        var organisation = api.get(roster(joint.offering()) + "?organisation=Malå%20kommun", projectLeader());

        assertThat(state.status()).isEqualTo(400);
        assertThat(invalidFields(state)).containsExactly("state");
        assertThat(organisation.status()).isEqualTo(400);
        assertThat(invalidFields(organisation)).containsExactly("organisation");
    }

    @Test
    void aCoordinatorListsEveryApprovalWaitingInTheOrganisation() {
        String lycksele = "lycksele-" + UUID.randomUUID().toString().substring(0, 6);
        OfferingSpec spec = new OfferingSpec(upstream.course("SELF_PACED_DIGITAL", 4));
        spec.approvalRequired = true;
        spec.audience = List.of(lycksele, SORSELE);
        UUID offering = upstream.schedule(spec);
        UUID oneBoss = upstream.person(lycksele, null);
        UUID otherBoss = upstream.person(lycksele, null);
        String first = api.enrol(participant(lycksele, upstream.person(lycksele, oneBoss)), offering)
                .json()
                .path("id")
                .asString();
        String second = api.enrol(participant(lycksele, upstream.person(lycksele, otherBoss)), offering)
                .json()
                .path("id")
                .asString();
        enrol(SORSELE, offering);

        JsonNode waiting =
                api.get("/api/enrolments/approvals", coordinator(lycksele)).json();

        assertThat(waiting.valueStream().map(e -> e.path("id").asString())).containsExactly(first, second);
        assertThat(api.get("/api/enrolments/approvals", manager(lycksele, oneBoss))
                        .json()
                        .valueStream()
                        .map(e -> e.path("id").asString()))
                .as("a manager still sees their own people's requests only")
                .containsExactly(first);
    }
}
