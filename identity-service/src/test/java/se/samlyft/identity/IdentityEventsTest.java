package se.samlyft.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.federation;
import static se.samlyft.identity.IdentityApi.federationCoordinatorOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.person;
import static se.samlyft.identity.IdentityEvents.data;
import static se.samlyft.identity.IdentityEvents.header;
import static se.samlyft.identity.IdentityEvents.recordsOf;
import static se.samlyft.identity.IdentityEvents.typeOf;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import se.samlyft.contracts.EventContracts;
import tools.jackson.databind.JsonNode;

/** What identity publishes, read back from the real broker's topic as a consumer reads it. */
class IdentityEventsTest extends AgainstIdentity {

    private final EventContracts contracts = EventContracts.load();

    @Test
    void onboardingAndChangingAnOrganisationArePublishedWithItsEmployerCategory() {
        String path = api.onboard(municipality("skelleftea", "Skellefteå kommun", "2482", organisationNumber(2482)))
                .header("Location");
        api.put(
                path,
                coordinatorOf("skelleftea"),
                "\"1\"",
                municipality("skelleftea", "Skellefteå kommun", "2482", organisationNumber(2482))
                        .put("name", "Skellefteå kommun (Kompetenslyftet)")
                        .toString());

        List<ConsumerRecord<String, String>> events = recordsOf("skelleftea", 2);

        assertThat(events)
                .extracting(IdentityEvents::typeOf)
                .containsExactly(
                        "se.samlyft.identity.organisation-registered.v1",
                        "se.samlyft.identity.organisation-changed.v1");
        assertThat(events).allSatisfy(this::matchesItsSchema);
        JsonNode registered = data(events.get(0));
        assertThat(registered.path("employer").asString()).isEqualTo("MUNICIPAL");
        assertThat(registered.path("municipalityCode").asString()).isEqualTo("2482");
        assertThat(data(events.get(1)).path("version").asLong()).isEqualTo(2);
        assertThat(header(events.get(0), "ce_tenantid")).isEqualTo("skelleftea");
        assertThat(events.get(0).value()).doesNotContain("Åsa Öberg", "asa.oberg");
    }

    @Test
    void everyMembershipChangeCarriesTheCompleteHistory() {
        api.onboard(federation("pitea-samverkan", "Kompetenslyftet PA", organisationNumber(90003)));
        api.onboard(municipality("pitea", "Piteå kommun", "2581", organisationNumber(2581)));
        String leader = federationCoordinatorOf("pitea-samverkan");
        String members = "/api/identity/federations/pitea-samverkan/members";
        api.joinByDecision("pitea-samverkan", "pitea", "2018-03-01");
        api.post(members + "/pitea/leave", leader, "{\"leftOn\": \"2020-02-29\"}");

        List<ConsumerRecord<String, String>> events = recordsOf("pitea-samverkan", 3);

        assertThat(events)
                .extracting(IdentityEvents::typeOf)
                .containsExactly(
                        "se.samlyft.identity.organisation-registered.v1",
                        "se.samlyft.identity.federation-membership-changed.v1",
                        "se.samlyft.identity.federation-membership-changed.v1");
        assertThat(events).allSatisfy(this::matchesItsSchema);
        JsonNode last = data(events.get(2));
        assertThat(last.path("version").asLong())
                .as("the invitation raised the version too")
                .isEqualTo(3);
        assertThat(last.path("members").get(0).path("leftOn").asString()).isEqualTo("2020-02-29");
        assertThat(last.path("members").get(0).path("acceptedOn").asString()).isEqualTo("2018-03-01");
        assertThat(last.path("members").get(0).path("consent").asString()).isEqualTo("PLATFORM_ADMINISTRATOR");
        assertThat(header(events.get(1), "ce_tenantid")).isEqualTo("pitea-samverkan");
        assertThat(data(events.get(0)).path("employer").asString()).isEqualTo("NONE");
    }

    @Test
    void aPersonsLifeIsPublishedInOrderWithoutNameAddressOrNumber() {
        api.onboard(municipality("umea", "Umeå kommun", "2480", organisationNumber(2480)));
        String coordinator = coordinatorOf("umea");
        String id = api.register(
                "umea",
                person("Ingrid", "Wikström", "ingrid.wikstrom@umea.se").put("personalIdentityNumber", "19780315-4561"));
        String path = "/api/identity/people/" + id;
        api.put(
                path,
                coordinator,
                "\"1\"",
                person("Ingrid", "Lindqvist", "ingrid.lindqvist@umea.se")
                        .put("personalIdentityNumber", "19780315-4561")
                        .toString());
        api.put(
                path,
                coordinator,
                "\"2\"",
                person("Ingrid", "Lindqvist", "ingrid.lindqvist@umea.se")
                        .put("personalIdentityNumber", "19780315-4561")
                        .put("workplaceId", "sarskilt-boende-ringen")
                        .put("workplaceName", "Särskilt boende Ringen")
                        .toString());
        api.post(path + "/leave", coordinator, "{\"leftOn\": \"2026-12-01\"}");

        List<ConsumerRecord<String, String>> events = recordsOf(id, 3);

        assertThat(events)
                .as("a change of name and address alone publishes nothing")
                .extracting(IdentityEvents::typeOf)
                .containsExactly(
                        "se.samlyft.identity.person-registered.v1",
                        "se.samlyft.identity.person-changed.v1",
                        "se.samlyft.identity.person-left.v1");
        assertThat(events)
                .extracting(event -> data(event).path("version").asLong())
                .containsExactly(1L, 3L, 4L);
        assertThat(events).allSatisfy(this::matchesItsSchema);
        assertThat(events)
                .allSatisfy(event -> assertThat(header(event, "ce_tenantid")).isEqualTo("umea"));
        assertThat(data(events.get(1)).path("workplaceName").asString()).isEqualTo("Särskilt boende Ringen");
        assertThat(events)
                .allSatisfy(event -> assertThat(event.value())
                        .doesNotContain("Ingrid", "Wikström", "Lindqvist", "umea.se", "4561", "780315"));
    }

    private void matchesItsSchema(ConsumerRecord<String, String> event) {
        assertThat(contracts.violations(typeOf(event), event.value()))
                .as(typeOf(event))
                .isEmpty();
        assertThat(header(event, "ce_dataschema")).isEqualTo(EventContracts.dataschemaOf(typeOf(event)));
    }
}
