package se.samlyft.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.managerOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.participantOf;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.testsupport.TestHttp;

/** Identity's refusals are 403 problems whose detail names the rule of {@link IdentityPolicy} that applied. */
class IdentityPolicyTest extends AgainstIdentity {

    private static final String LYCKSELE = "lycksele";

    @Test
    void aParticipantIsToldWhoMayListAndErasePeople() {
        var list = api.get("/api/identity/people", participantOf(LYCKSELE));
        var erase = api.delete("/api/identity/people/" + UUID.randomUUID(), participantOf(LYCKSELE));

        assertRefused(list, "Only a coordinator or a manager of the organisation may list its people.");
        assertRefused(erase, "Only a coordinator of the organisation may register, change or erase its people.");
    }

    @Test
    void aManagerIsToldWhoMayReadTheLogOfPersonalNumberReads() {
        var log = api.get("/api/identity/personal-number-reads", managerOf(LYCKSELE));

        assertRefused(
                log, "Only a coordinator of the organisation may read its log of personal identity number reads.");
    }

    @Test
    void aCoordinatorIsToldWhoOnboardsOrganisations() {
        var onboard = api.post(
                "/api/identity/organisations",
                coordinatorOf(LYCKSELE),
                municipality("storuman", "Storumans kommun", "2421", organisationNumber(2421))
                        .toString());

        assertRefused(onboard, "Only a platform administrator may onboard an organisation.");
    }

    private static void assertRefused(TestHttp.Response response, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).isEqualTo(rule);
    }
}
