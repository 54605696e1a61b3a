package se.samlyft.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.invalidFields;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.participantOf;
import static se.samlyft.identity.IdentityApi.platformAdmin;

import org.junit.jupiter.api.Test;
import se.samlyft.identity.AgainstIdentity;
import tools.jackson.databind.node.ObjectNode;

class OrganisationApiTest extends AgainstIdentity {

    @Test
    void onboardsAMunicipalityWithItsCodeNumberAndContactPersons() {
        var created = api.onboard(municipality("lycksele", "Lycksele kommun", "2481", organisationNumber(2481)));

        var read = api.get(created.header("Location"), coordinatorOf("lycksele"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().path("kind").asString()).isEqualTo("MUNICIPALITY");
        assertThat(read.json().path("employer").asString()).isEqualTo("MUNICIPAL");
        assertThat(read.json().path("municipalityName").asString()).isEqualTo("Lycksele");
        assertThat(read.json().path("organisationNumber").asString()).isEqualTo(organisationNumber(2481));
        assertThat(read.json().path("contacts").get(0).path("name").asString()).isEqualTo("Åsa Öberg");
    }

    @Test
    void refusesAMunicipalityCodeThatNamesNoMunicipality() {
        var refused = api.post(
                "/api/identity/organisations",
                platformAdmin(),
                municipality("finns-ej", "Finns ej kommun", "2599", organisationNumber(2599))
                        .toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalidFields(refused)).containsExactly("municipalityCode");
    }

    @Test
    void refusesAnOrganisationNumberWithAWrongCheckDigitOrOfAPerson() {
        String valid = organisationNumber(1);
        String wrongDigit = valid.substring(0, 10) + ((valid.charAt(10) - '0' + 1) % 10);

        var wrong = api.post(
                "/api/identity/organisations",
                platformAdmin(),
                municipality("storuman", "Storumans kommun", "2421", wrongDigit).toString());
        var personal = api.post(
                "/api/identity/organisations",
                platformAdmin(),
                municipality("storuman", "Storumans kommun", "2421", "121212-1212")
                        .toString());
        var malformed = api.post(
                "/api/identity/organisations",
                platformAdmin(),
                municipality("storuman", "Storumans kommun", "2421", "21200-02627")
                        .toString());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(invalidFields(wrong)).containsExactly("organisationNumber");
        assertThat(wrong.body()).contains("check digit");
        assertThat(invalidFields(personal)).containsExactly("organisationNumber");
        assertThat(invalidFields(malformed)).containsExactly("organisationNumber");
    }

    @Test
    void aMunicipalityCodeBelongsToMunicipalitiesOnly() {
        ObjectNode provider = municipality("god-assistans", "God Assistans i Norr AB", "2581", "556677-8899")
                .put("kind", "PRIVATE_PROVIDER");
        ObjectNode municipalityWithoutCode =
                municipality("sorsele", "Sorsele kommun", "2422", organisationNumber(2422));
        municipalityWithoutCode.remove("municipalityCode");

        var withCode = api.post("/api/identity/organisations", platformAdmin(), provider.toString());
        var withoutCode = api.post("/api/identity/organisations", platformAdmin(), municipalityWithoutCode.toString());

        assertThat(invalidFields(withCode)).containsExactly("municipalityCode");
        assertThat(invalidFields(withoutCode)).containsExactly("municipalityCode");
    }

    @Test
    void refusesATenantIdNumberOrCodeAlreadyRegistered() {
        api.onboard(municipality("kramfors", "Kramfors kommun", "2282", organisationNumber(2282)));

        var sameTenant = api.post(
                "/api/identity/organisations",
                platformAdmin(),
                municipality("kramfors", "Kramfors kommun", "2282", organisationNumber(22820))
                        .toString());
        var sameCode = api.post(
                "/api/identity/organisations",
                platformAdmin(),
                municipality("kramfors-2", "Kramfors igen", "2282", organisationNumber(22821))
                        .toString());

        assertThat(sameTenant.status()).isEqualTo(409);
        assertThat(sameCode.status()).isEqualTo(409);
    }

    @Test
    void onlyAPlatformAdministratorOnboards() {
        var refused = api.post(
                "/api/identity/organisations",
                coordinatorOf("norsjo"),
                municipality("norsjo", "Norsjö kommun", "2417", organisationNumber(2417))
                        .toString());

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void itsCoordinatorChangesAnOrganisationWithTheVersionItRead() {
        String path = api.onboard(municipality("harnosand", "Härnösands kommun", "2280", organisationNumber(2280)))
                .header("Location");
        ObjectNode renamed = municipality("harnosand", "Härnösands kommun (ny)", "2280", organisationNumber(2280));

        var withoutVersion = api.put(path, coordinatorOf("harnosand"), null, renamed.toString());
        var byAnother = api.put(path, coordinatorOf("kramfors"), "\"1\"", renamed.toString());
        var changed = api.put(path, coordinatorOf("harnosand"), "\"1\"", renamed.toString());
        var stale = api.put(path, coordinatorOf("harnosand"), "\"1\"", renamed.toString());

        assertThat(withoutVersion.status()).isEqualTo(428);
        assertThat(byAnother.status()).isEqualTo(403);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo("Härnösands kommun (ny)");
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void everyoneReadsTheRegisterPageByPage() {
        api.onboard(municipality("ange", "Ånge kommun", "2260", organisationNumber(2260)));

        var page = api.get("/api/identity/organisations?size=1", participantOf("ange"));
        var tooLarge = api.get("/api/identity/organisations?size=1000", participantOf("ange"));
        var unknown = api.get("/api/identity/organisations/finns-inte", participantOf("ange"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("items")).hasSize(1);
        assertThat(page.json().path("totalItems").asLong()).isPositive();
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
    }
}
