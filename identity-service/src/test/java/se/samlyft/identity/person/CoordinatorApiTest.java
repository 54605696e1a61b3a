package se.samlyft.identity.person;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.federation;
import static se.samlyft.identity.IdentityApi.invalidFields;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.person;
import static se.samlyft.identity.IdentityApi.platformAdmin;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.AgainstIdentity;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CoordinatorApiTest extends AgainstIdentity {

    @Test
    void anAdministratorAppointsANewOrganisationsFirstCoordinatorAndNoMore() {
        api.onboard(municipality("nordmaling", "Nordmalings kommun", "2401", organisationNumber(2401)));
        String path = "/api/identity/organisations/nordmaling/coordinators";
        String chosen = UUID.randomUUID().toString();

        var byACoordinator = api.post(
                path, coordinatorOf("nordmaling"), withoutRoles(person("Åsa", "Berg", "asa.berg@nordmaling.se")));
        var asManager = api.post(
                path,
                platformAdmin(),
                person("Åsa", "Berg", "asa.berg@nordmaling.se")
                        .set("roles", rolesOf("manager"))
                        .toString());
        var appointed = api.post(
                path,
                platformAdmin(),
                person("Åsa", "Berg", "asa.berg@nordmaling.se")
                        .put("id", chosen)
                        .put("occupation", "OTHER")
                        .set("roles", rolesOf("coordinator"))
                        .toString());
        var second = api.post(path, platformAdmin(), withoutRoles(person("Olle", "Berg", "olle.berg@nordmaling.se")));
        var peopleByTheAdministrator = api.get("/api/identity/people", platformAdmin());
        var byTheCoordinator = api.get("/api/identity/people/" + chosen, coordinatorOf("nordmaling"));

        assertThat(byACoordinator.status()).isEqualTo(403);
        assertThat(invalidFields(asManager)).containsExactly("roles");
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(appointed.json().path("id").asString()).isEqualTo(chosen);
        assertThat(appointed.json().path("roles").get(0).asString()).isEqualTo("coordinator");
        assertThat(appointed.body()).doesNotContain("Berg", "asa.berg");
        assertThat(second.status()).as("its coordinators appoint the others").isEqualTo(409);
        assertThat(peopleByTheAdministrator.status())
                .as("the administrator never sees the organisation's people")
                .isIn(403, 404);
        assertThat(byTheCoordinator.json().path("roles").get(0).asString()).isEqualTo("coordinator");
    }

    @Test
    void aFederationsFirstCoordinatorIsAFederationCoordinator() {
        api.onboard(federation("norrlandsforbundet", "Norrlandsförbundet", organisationNumber(90077)));

        var appointed = api.post(
                "/api/identity/organisations/norrlandsforbundet/coordinators",
                platformAdmin(),
                withoutRoles(person("Märta", "Ek", "marta.ek@norrlandsforbundet.se")));
        var unknown = api.post(
                "/api/identity/organisations/finns-inte/coordinators",
                platformAdmin(),
                withoutRoles(person("Märta", "Ek", "marta.ek@finns-inte.se")));

        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(appointed.json().path("roles").get(0).asString()).isEqualTo("federation-coordinator");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private static String withoutRoles(ObjectNode person) {
        person.remove("roles");
        return person.toString();
    }

    private static ArrayNode rolesOf(String role) {
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .createArrayNode()
                .add(role);
    }
}
