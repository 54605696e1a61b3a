package se.samlyft.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.federation;
import static se.samlyft.identity.IdentityApi.federationCoordinatorOf;
import static se.samlyft.identity.IdentityApi.invalidFields;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.participantOf;
import static se.samlyft.identity.IdentityApi.platformAdmin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.testsupport.TestHttp;

class FederationApiTest extends AgainstIdentity {

    private static final String GR = "goteborgsregionen";
    private static final String FEDERATION = "/api/identity/federations/" + GR;
    private static final String MEMBERS = FEDERATION + "/members";
    private static final String INVITATIONS = FEDERATION + "/invitations";
    private static boolean onboarded;

    @BeforeEach
    void onboardTheRegionAndItsMunicipalities() {
        if (!onboarded) {
            api.onboard(federation(GR, "Göteborgsregionen", organisationNumber(90001)));
            api.onboard(municipality("ale", "Ale kommun", "1440", organisationNumber(1440)));
            api.onboard(municipality("alingsas", "Alingsås kommun", "1489", organisationNumber(1489)));
            api.onboard(municipality("harryda", "Härryda kommun", "1401", organisationNumber(1401)));
            api.onboard(municipality("stenungsund", "Stenungsunds kommun", "1415", organisationNumber(1415)));
            api.onboard(municipality("tjorn", "Tjörns kommun", "1419", organisationNumber(1419)));
            api.onboard(municipality("ockero", "Öckerö kommun", "1407", organisationNumber(1407)));
            api.onboard(municipality("lilla-edet", "Lilla Edets kommun", "1462", organisationNumber(1462)));
            onboarded = true;
        }
    }

    @Test
    void aFederationCannotMakeAnOrganisationAMemberByItselfNorDateItBack() {
        String leader = federationCoordinatorOf(GR);

        var unilateral = api.post(MEMBERS, leader, "{\"tenant\": \"stenungsund\", \"joinedOn\": \"2020-08-01\"}");
        String invitation = api.invite(GR, "stenungsund");
        var byTheFederation = api.post(INVITATIONS + "/" + invitation + "/accept", leader, "{}");
        var byAnotherMunicipality = api.post(INVITATIONS + "/" + invitation + "/accept", coordinatorOf("ale"), "{}");
        var backdated = api.post(
                INVITATIONS + "/" + invitation + "/accept",
                coordinatorOf("stenungsund"),
                "{\"joinedOn\": \"2020-08-01\"}");
        var backdatedAcceptance = api.post(
                INVITATIONS + "/" + invitation + "/accept",
                coordinatorOf("stenungsund"),
                "{\"acceptedOn\": \"2020-08-01\", \"reference\": \"KS 2020\"}");

        assertThat(unilateral.status()).as("members join only by invitation").isEqualTo(405);
        assertThat(byTheFederation.status()).isEqualTo(403);
        assertThat(byAnotherMunicipality.status()).isEqualTo(404);
        assertThat(invalidFields(backdated)).containsExactly("joinedOn");
        assertThat(invalidFields(backdatedAcceptance)).containsExactly("acceptedOn");
        assertThat(members("?from=2020-01-01&to=2030-12-31")).doesNotContain("stenungsund");
    }

    @Test
    void theMembersOwnCoordinatorAcceptsAndItIsAMemberFromThatDayOn() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        String invitation = api.invite(GR, "tjorn");
        assertThat(members("?on=" + today)).doesNotContain("tjorn");

        var accepted = api.post(INVITATIONS + "/" + invitation + "/accept", coordinatorOf("tjorn"), "{}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("acceptedOn").asString()).isEqualTo(today.toString());
        assertThat(members("?on=" + today)).contains("tjorn");
        assertThat(members("?on=" + today.minusDays(1))).doesNotContain("tjorn");
        var period = api.get(MEMBERS, participantOf("tjorn"))
                .json()
                .path("history")
                .valueStream()
                .filter(p -> p.path("tenant").asString().equals("tjorn"))
                .findFirst()
                .orElseThrow();
        assertThat(period.path("joinedOn").asString()).isEqualTo(today.toString());
        assertThat(period.path("consent").asString()).isEqualTo("MEMBER");
        var again = api.post(INVITATIONS + "/" + invitation + "/accept", coordinatorOf("tjorn"), "{}");
        assertThat(again.status()).as("an invitation is answered once").isEqualTo(409);
    }

    @Test
    void anAdministratorRecordsAPastDecisionOnlyWithItsReference() {
        String invitation = api.invite(GR, "ockero");

        var withoutReference = api.post(
                INVITATIONS + "/" + invitation + "/accept", platformAdmin(), "{\"acceptedOn\": \"2020-06-15\"}");
        var joinedBeforeTheDecision = api.post(
                INVITATIONS + "/" + invitation + "/accept",
                platformAdmin(),
                "{\"acceptedOn\": \"2020-06-15\", \"joinedOn\": \"2020-06-01\", \"reference\": \"KS 2020-06-15 §41\"}");
        var recorded = api.post(
                INVITATIONS + "/" + invitation + "/accept",
                platformAdmin(),
                "{\"acceptedOn\": \"2020-06-15\", \"joinedOn\": \"2020-08-01\", \"reference\": \"KS 2020-06-15 §41\"}");

        assertThat(invalidFields(withoutReference)).containsExactly("reference");
        assertThat(invalidFields(joinedBeforeTheDecision)).containsExactly("joinedOn");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().path("reference").asString()).isEqualTo("KS 2020-06-15 §41");
        assertThat(members("?on=2020-07-31")).doesNotContain("ockero");
        assertThat(members("?on=2020-08-01")).contains("ockero");
    }

    @Test
    void answersWhoWereMembersOnADayAndDuringAPeriodAndEitherSideEndsAMembership() {
        String leader = federationCoordinatorOf(GR);
        api.joinByDecision(GR, "ale", "2020-08-01");
        api.joinByDecision(GR, "alingsas", "2020-08-01");
        var left = api.post(MEMBERS + "/alingsas/leave", leader, "{\"leftOn\": \"2021-07-01\"}");
        api.joinByDecision(GR, "harryda", "2021-07-01");

        assertThat(left.status()).isEqualTo(200);
        List<String> these = List.of("ale", "alingsas", "harryda");
        assertThat(members("?on=2021-06-30")).filteredOn(these::contains).containsExactly("ale", "alingsas");
        assertThat(members("?on=2021-07-01")).filteredOn(these::contains).containsExactly("ale", "harryda");
        assertThat(members("?from=2021-01-01&to=2021-12-31"))
                .filteredOn(these::contains)
                .containsExactly("ale", "alingsas", "harryda");
        assertThat(members("?from=2019-01-01&to=2019-12-31")).isEmpty();

        var byAnother = api.post(MEMBERS + "/harryda/leave", coordinatorOf("ale"), "{\"leftOn\": \"2030-01-01\"}");
        var byItself = api.post(MEMBERS + "/harryda/leave", coordinatorOf("harryda"), "{\"leftOn\": \"2030-01-01\"}");
        var notAMember = api.post(MEMBERS + "/alingsas/leave", leader, "{\"leftOn\": \"2022-01-01\"}");
        assertThat(byAnother.status()).isEqualTo(403);
        assertThat(byItself.status()).isEqualTo(200);
        assertThat(notAMember.status()).isEqualTo(409);
        assertThat(members("?on=2030-01-01")).doesNotContain("harryda");
    }

    @Test
    void anInvitedOrganisationSeesAndDeclinesItsInvitationsAndOthersSeeNone() {
        String leader = federationCoordinatorOf(GR);
        String invitation = api.invite(GR, "lilla-edet");

        var received = api.get("/api/identity/organisations/lilla-edet/invitations", coordinatorOf("lilla-edet"));
        var ofAnother = api.get("/api/identity/organisations/lilla-edet/invitations", coordinatorOf("ale"));
        var listedForAnother = api.get(INVITATIONS, coordinatorOf("ale"));
        var oneForAnother = api.get(INVITATIONS + "/" + invitation, coordinatorOf("ale"));
        var byAParticipant = api.get(INVITATIONS, participantOf("lilla-edet"));
        var withdrawnByTheMember =
                api.post(INVITATIONS + "/" + invitation + "/withdraw", coordinatorOf("lilla-edet"), "{}");
        var declined = api.post(INVITATIONS + "/" + invitation + "/decline", coordinatorOf("lilla-edet"), "{}");

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.json().valueStream().map(i -> i.path("id").asString()))
                .containsExactly(invitation);
        assertThat(ofAnother.status()).isEqualTo(403);
        assertThat(listedForAnother
                        .json()
                        .valueStream()
                        .map(i -> i.path("tenant").asString()))
                .doesNotContain("lilla-edet");
        assertThat(oneForAnother.status()).isEqualTo(404);
        assertThat(byAParticipant.status()).isEqualTo(403);
        assertThat(withdrawnByTheMember.status()).isEqualTo(403);
        assertThat(declined.json().path("status").asString()).isEqualTo("DECLINED");
        assertThat(api.get(INVITATIONS, leader)
                        .json()
                        .valueStream()
                        .filter(i -> i.path("id").asString().equals(invitation))
                        .map(i -> i.path("status").asString()))
                .containsExactly("DECLINED");
    }

    @Test
    void refusesAnUnknownMemberAnInvitationDatedBackAndHalfAPeriod() {
        var unknown = api.post(INVITATIONS, platformAdmin(), "{\"tenant\": \"finns-inte\"}");
        var datedBack = api.post(
                INVITATIONS, federationCoordinatorOf(GR), "{\"tenant\": \"ale\", \"joinsOn\": \"2020-08-01\"}");
        var halfPeriod = api.get(MEMBERS + "?from=2021-01-01", platformAdmin());
        var badDate = api.get(MEMBERS + "?on=2021-13-01", platformAdmin());

        assertThat(invalidFields(unknown)).containsExactly("tenant");
        assertThat(invalidFields(datedBack)).containsExactly("joinsOn");
        assertThat(invalidFields(halfPeriod)).containsExactly("to");
        assertThat(badDate.status()).isEqualTo(400);
    }

    @Test
    void onlyTheFederationsCoordinatorsOrAnAdministratorInvite() {
        var byMunicipality = api.post(INVITATIONS, coordinatorOf("ale"), "{\"tenant\": \"ale\"}");
        var ofAMunicipality = api.get("/api/identity/federations/ale/members", participantOf("ale"));

        assertThat(byMunicipality.status()).isEqualTo(403);
        assertThat(ofAMunicipality.status()).isEqualTo(404);
    }

    private List<String> members(String query) {
        TestHttp.Response answer = api.get(MEMBERS + query, participantOf("ale"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json()
                .path("members")
                .valueStream()
                .map(member -> member.asString())
                .toList();
    }
}
