package se.samlyft.identity.person.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.person;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.identity.person.PersonalIdentityNumber;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * The key of the personal identity numbers is rotated: numbers sealed with the previous key still open, and the
 * documented command seals them all again with the current one, after which the previous key can go.
 */
@TestPropertySource(
        properties = {
            "samlyft.identity.personal-number-key=" + PersonalNumberCipherTest.SECOND_KEY,
            "samlyft.identity.personal-number-key-id=2",
            "samlyft.identity.personal-number-previous-keys.1=" + PersonalNumberCipherTest.FIRST_KEY
        })
class PersonalNumberRotationTest extends AgainstIdentity {

    @LocalManagementPort
    private int managementPort;

    @Test
    void sealsTheNumbersOfThePreviousKeyAgainWithTheCurrentOne() {
        String tenant = "pajala-" + UUID.randomUUID().toString().substring(0, 6);
        api.onboard(municipality(tenant, "Pajala kommun", "2521", organisationNumber(2521)));
        String id = api.register(
                tenant,
                person("Aino", "Keskitalo", "aino.keskitalo@" + tenant + ".se")
                        .put("personalIdentityNumber", "850315-2384")
                        .put("birthYear", 1985));
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        UUID person = UUID.fromString(id);
        byte[] sealedWithTheOldKey = new PersonalNumberCipher(
                        new PersonalNumberKeys(PersonalNumberCipherTest.FIRST_KEY, "1", Map.of()))
                .encrypt(PersonalIdentityNumber.restore("198503152384"), person);
        owner.update("update person set personal_number_cipher = ? where id = ?", sealedWithTheOldKey, person);
        TestHttp management = TestHttp.onPort(managementPort);
        String administrator = TestTokens.get()
                .token()
                .username("samlyft-forvaltare")
                .roles("platform-admin")
                .sign();

        assertThat(management
                        .get("/actuator/personalnumbers", administrator)
                        .json()
                        .path("sealedByKey")
                        .path("1")
                        .asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(management.send(sealAgain(management, coordinatorOf(tenant))).status())
                .as("a coordinator may not")
                .isEqualTo(403);
        var sealedAgain = management.send(sealAgain(management, administrator));

        assertThat(sealedAgain.status()).as(sealedAgain.body()).isEqualTo(200);
        assertThat(sealedAgain.json().path("currentKeyId").asString()).isEqualTo("2");
        assertThat(sealedAgain.json().path("sealedAgain").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(sealedAgain.json().path("sealedByKey").has("1"))
                .as("nothing left for the old key")
                .isFalse();
        byte[] stored =
                owner.queryForObject("select personal_number_cipher from person where id = ?", byte[].class, person);
        assertThat(PersonalNumberCipher.keyIdOf(stored)).isEqualTo("2");
        PersonalNumberCipher currentKeyAlone =
                new PersonalNumberCipher(new PersonalNumberKeys(PersonalNumberCipherTest.SECOND_KEY, "2", Map.of()));
        assertThat(currentKeyAlone.decrypt(stored, person).digits()).isEqualTo("198503152384");
    }

    private static HttpRequest sealAgain(TestHttp management, String token) {
        return management
                .request("/actuator/personalnumbers", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }
}
