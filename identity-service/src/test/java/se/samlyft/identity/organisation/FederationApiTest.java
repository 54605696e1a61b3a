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

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.testsupport.TestHttp;

class FederationApiTest extends AgainstIdentity {

    private static final String GR = "goteborgsregionen";
    private static final String MEMBERS = "/api/identity/federations/" + GR + "/members";
    private static boolean onboarded;

    @BeforeEach
    void onboardTheRegionAndThreeMunicipalities() {
        if (!onboarded) {
            api.onboard(federation(GR, "Göteborgsregionen", organisationNumber(90001)));
            api.onboard(municipality("ale", "Ale kommun", "1440", organisationNumber(1440)));
            api.onboard(municipality("alingsas", "Alingsås kommun", "1489", organisationNumber(1489)));
            api.onboard(municipality("harryda", "Härryda kommun", "1401", organisationNumber(1401)));
            onboarded = true;
        }
    }

    @Test
    void answersWhoWereMembersOnADayAndDuringAPeriod() {
        String leader = federationCoordinatorOf(GR);
        join(leader, "ale", "2020-08-01");
        join(leader, "alingsas", "2020-08-01");
        var left = api.post(MEMBERS + "/alingsas/leave", leader, "{\"leftOn\": \"2021-07-01\"}");
        join(leader, "harryda", "2021-07-01");

        assertThat(left.status()).isEqualTo(200);
        assertThat(members("?on=2021-06-30")).containsExactly("ale", "alingsas");
        assertThat(members("?on=2021-07-01")).containsExactly("ale", "harryda");
        assertThat(members("?from=2021-01-01&to=2021-12-31")).containsExactly("ale", "alingsas", "harryda");
        assertThat(members("?from=2019-01-01&to=2019-12-31")).isEmpty();
        var history = api.get(MEMBERS, participantOf("ale")).json().path("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(1).path("leftOn").asString()).isEqualTo("2021-07-01");

        var again = api.post(MEMBERS, leader, "{\"tenant\": \"ale\", \"joinedOn\": \"2022-01-01\"}");
        var notAMember = api.post(MEMBERS + "/alingsas/leave", leader, "{\"leftOn\": \"2022-01-01\"}");
        var rejoins = api.post(MEMBERS, leader, "{\"tenant\": \"alingsas\", \"joinedOn\": \"2023-01-01\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(notAMember.status()).isEqualTo(409);
        assertThat(rejoins.status()).isEqualTo(201);
    }

    @Test
    void refusesAnUnknownMemberALeavingBeforeJoiningAndHalfAPeriod() {
        String admin = platformAdmin();

        var unknown = api.post(MEMBERS, admin, "{\"tenant\": \"finns-inte\", \"joinedOn\": \"2020-08-01\"}");
        var halfPeriod = api.get(MEMBERS + "?from=2021-01-01", admin);
        var badDate = api.get(MEMBERS + "?on=2021-13-01", admin);

        assertThat(invalidFields(unknown)).containsExactly("tenant");
        assertThat(invalidFields(halfPeriod)).containsExactly("to");
        assertThat(badDate.status()).isEqualTo(400);
    }

    @Test
    void onlyTheFederationsCoordinatorsOrAnAdministratorChangeItsMembers() {
        var byMunicipality =
                api.post(MEMBERS, coordinatorOf("ale"), "{\"tenant\": \"ale\", \"joinedOn\": \"2024-01-01\"}");
        var ofAMunicipality = api.get("/api/identity/federations/ale/members", participantOf("ale"));

        assertThat(byMunicipality.status()).isEqualTo(403);
        assertThat(ofAMunicipality.status()).isEqualTo(404);
    }

    private void join(String token, String tenant, String day) {
        TestHttp.Response joined =
                api.post(MEMBERS, token, "{\"tenant\": \"" + tenant + "\", \"joinedOn\": \"" + day + "\"}");
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
    }

    private List<String> members(String query) {
        return api.get(MEMBERS + query, participantOf("ale"))
                .json()
                .path("members")
                .valueStream()
                .map(member -> member.asString())
                .toList();
    }
}
